//! The provider and the typed client read and write bodies by one codec: what the provider sends reads
//! back to the same value, for every one-of shape of every sample and fixture (each variant of each group,
//! at every depth), and the generated shop client reads what the provider sends, and sends what the
//! provider reads, with the same variants.

use std::collections::BTreeMap;

use runtime::plugin::convert::{from_api, to_api};
use runtime::plugin::value::TfValue;
use schema::{NestingMode, Object, Type};

/// Every sample and fixture whose models the round trip covers.
fn providers() -> Vec<(String, schema::Provider)> {
    let root = tests::workspace_root();
    let mut dirs: Vec<std::path::PathBuf> = Vec::new();
    for parent in ["schema/providers", "tests/fixtures/good"] {
        let mut found: Vec<_> =
            std::fs::read_dir(root.join(parent)).unwrap().map(|entry| entry.unwrap().path()).collect();
        found.sort();
        dirs.extend(found.into_iter().filter(|dir| dir.join("provider.yaml").exists()));
    }
    dirs.iter()
        .map(|dir| {
            let loaded = schema::load_provider(dir).unwrap_or_else(|errors| panic!("{errors}"));
            (dir.file_name().unwrap().to_string_lossy().into_owned(), loaded.provider)
        })
        .collect()
}

/// A value of `object` with every attribute set, where each one-of group sets its variant number
/// `choice` (modulo its count) and leaves the others null; attributes the API never answers are left
/// out, since no answer can give them back.
fn sample(object: &Object, choice: usize, depth: usize) -> TfValue {
    let mut unset: Vec<&str> = Vec::new();
    for group in object.one_of.values() {
        let chosen = choice % group.variants.len();
        unset.extend(
            group.variants.iter().enumerate().filter(|(index, _)| *index != chosen).map(|(_, v)| v.attribute.as_str()),
        );
    }
    let fields = object
        .attributes
        .iter()
        .filter(|(name, attribute)| !attribute.not_returned && !unset.contains(&name.as_str()))
        .map(|(name, attribute)| {
            let value = match attribute.json {
                true => TfValue::String("{\"a\":1}".to_owned()),
                false => sample_of(&attribute.ty, choice, depth),
            };
            (name.clone(), value)
        })
        .collect();
    TfValue::Map(fields)
}

fn sample_of(ty: &Type, choice: usize, depth: usize) -> TfValue {
    match ty {
        Type::String | Type::Dynamic => TfValue::String("text".to_owned()),
        Type::Int64 => TfValue::Int(7),
        Type::Float64 | Type::Number => TfValue::Float(1.5),
        Type::Bool => TfValue::Bool(true),
        Type::List(element) | Type::Set(element) => TfValue::List(vec![sample_of(element, choice, depth)]),
        Type::Map(element) => TfValue::Map(BTreeMap::from([("k".to_owned(), sample_of(element, choice, depth))])),
        Type::Object(fields) => {
            TfValue::Map(fields.iter().map(|(name, ty)| (name.clone(), sample_of(ty, choice, depth))).collect())
        }
        Type::Tuple(elements) => TfValue::List(elements.iter().map(|ty| sample_of(ty, choice, depth)).collect()),
        Type::Nested(_) if depth > 6 => TfValue::Null,
        Type::Nested(nested) => {
            let element = sample(nested.members(), choice, depth + 1);
            match nested.mode {
                NestingMode::Single => element,
                NestingMode::List | NestingMode::Set => TfValue::List(vec![element]),
                NestingMode::Map => TfValue::Map(BTreeMap::from([("k".to_owned(), element)])),
            }
        }
    }
}

/// The most variants any group of `object` has, at any depth: how many choices cover every variant.
fn most_variants(object: &Object, depth: usize) -> usize {
    let own = object.one_of.values().map(|group| group.variants.len()).max().unwrap_or(0);
    let nested = object
        .attributes
        .values()
        .filter_map(|attribute| attribute.ty.as_nested())
        .filter(|_| depth < 6)
        .map(|nested| most_variants(nested.members(), depth + 1))
        .max()
        .unwrap_or(0);
    own.max(nested)
}

#[test]
fn what_the_provider_sends_reads_back_the_same_for_every_one_of_shape() {
    let mut shapes = 0;
    for (name, provider) in providers() {
        for (type_name, resource) in provider.resources.iter().chain(&provider.data_sources) {
            let choices = most_variants(&resource.schema, 0);
            for choice in 0..choices {
                let value = sample(&resource.schema, choice, 0);
                let sent = to_api(&resource.schema, &value, None, &|_| true);
                let mut problems = Vec::new();
                let read = from_api(&resource.schema, &serde_json::Value::Object(sent.clone()), &mut problems);
                assert_eq!(problems, Vec::<String>::new(), "{name} {type_name} variant {choice}: {sent:#?}");
                assert_eq!(read, value, "{name} {type_name} variant {choice} reads back otherwise from {sent:#?}");
                shapes += 1;
            }
        }
    }
    // The shop's tagged and untagged groups (two variants each), the hostile fixture's tagged one, and
    // konnect's at least.
    assert!(shapes >= 7, "{shapes} one-of shapes");
}

/// The shop's customer: a tagged group (`channel`), and its discount: an untagged one.
#[test]
fn the_typed_client_reads_what_the_provider_sends_and_the_reverse() {
    let provider = providers().into_iter().find(|(name, _)| name == "shop").unwrap().1;
    let customer = &provider.resources["shop_customer"].schema;
    let contact = TfValue::Map(BTreeMap::from([
        ("address".to_owned(), TfValue::String("a@example.com".to_owned())),
        ("verified".to_owned(), TfValue::Bool(true)),
    ]));
    let value = TfValue::Map(BTreeMap::from([
        ("store_id".to_owned(), TfValue::String("s1".to_owned())),
        ("name".to_owned(), TfValue::String("Ann".to_owned())),
        ("password".to_owned(), TfValue::String("pw".to_owned())),
        ("email_contact".to_owned(), contact),
    ]));
    let sent = serde_json::Value::Object(to_api(customer, &value, None, &|_| true));
    let read = shop::customer::Customer::from_json(sent.clone()).unwrap();
    let email = read.email_contact.expect("the client reads the tagged variant the provider sends");
    assert_eq!((email.address.as_str(), email.verified), ("a@example.com", Some(true)));
    assert_eq!(read.phone_contact, None);

    let discount = &provider.resources["shop_discount"].schema;
    let percent = TfValue::Map(BTreeMap::from([("percent".to_owned(), TfValue::Float(15.5))]));
    let value = TfValue::Map(BTreeMap::from([
        ("store_id".to_owned(), TfValue::String("s1".to_owned())),
        ("label".to_owned(), TfValue::String("spring".to_owned())),
        ("percent_off".to_owned(), percent.clone()),
    ]));
    let sent = serde_json::Value::Object(to_api(discount, &value, None, &|_| true));
    let read = shop::discount::Discount::from_json(sent).unwrap();
    assert!(read.percent_off.is_some(), "the client reads the untagged variant the provider sends: {read:?}");
    assert_eq!(read.amount_off, None);

    // The reverse: what the client sends, the provider reads as the same variant.
    let body = shop::customer::CreateRequest {
        name: "Ann".to_owned(),
        password: "pw".to_owned(),
        contact: shop::customer::Contact::PhoneContact(shop::customer::PhoneContact { number: "555".to_owned() }),
    };
    let mut problems = Vec::new();
    let said = from_api(customer, &serde_json::to_value(&body).unwrap(), &mut problems);
    assert_eq!(problems, Vec::<String>::new());
    let phone = said.field("phone_contact").and_then(|phone| phone.field("number"));
    assert_eq!(phone, Some(&TfValue::String("555".to_owned())));
    assert_eq!(said.field("email_contact"), None);
    let body = shop::discount::CreateRequest {
        label: "spring".to_owned(),
        value: shop::discount::Value::PercentOff(read.percent_off.unwrap()),
        codes: None,
    };
    let said = from_api(discount, &serde_json::to_value(&body).unwrap(), &mut problems);
    assert_eq!(said.field("percent_off"), Some(&percent));
    assert!(problems.is_empty(), "{problems:?}");
}
