//! Creates whose answer was lost (`adopt:` on a create that has no idempotency key): the API may have
//! made the object before the 500 or the dropped connection, and sending the create again could make a
//! second one. Instead the provider lists the objects and takes the one whose matching attributes equal
//! the configuration's, with a warning; two or more is an error that names them, none says the create
//! seems not to have happened.

use schema::{Adopt, Resource};
use serde_json::Value;

use super::convert::{from_api, to_api};
use super::rest::{Answer, Rest};
use super::value::TfValue;

impl Rest {
    /// After the create of `object` lost its answer (`lost` says how), the object the API lists with the
    /// same values of `adopt`'s attributes, as that create's answer.
    pub(super) async fn adopt(
        &self,
        resource: &Resource,
        adopt: &Adopt,
        object: &TfValue,
        lost: String,
    ) -> Result<Answer, String> {
        let schema = &resource.schema;
        let wanted = to_api(schema, object, None, &|name| adopt.matching.iter().any(|m| m == name));
        let described = wanted.iter().map(|(field, value)| format!("{field} = {value}")).collect::<Vec<_>>().join(", ");
        let listed = self.list(resource, object).await.map_err(|problem| {
            format!(
                "{lost}; the API may have created the object all the same, and listing to find it failed: {problem}"
            )
        })?;
        let mut matching: Vec<&Value> = Vec::new();
        // An API that pages by offset can list an object twice while others are created: it is one object.
        for item in listed.iter().filter(|item| wanted.iter().all(|(field, value)| item.get(field) == Some(value))) {
            if !matching.contains(&item) {
                matching.push(item);
            }
        }
        match matching.as_slice() {
            [found] => {
                let mut problems = Vec::new();
                let said = from_api(schema, found, &mut problems);
                let note = format!(
                    "{lost}; the API had created the object all the same: the one it lists with {described} was taken as this resource's"
                );
                Ok(Answer { said, problems, notes: vec![note], operation: None })
            }
            [] => Err(format!(
                "{lost}; the API lists no object with {described}, so the create seems not to have happened: apply again"
            )),
            several => {
                let ids: Vec<String> = several.iter().map(|item| identify(resource, item)).collect();
                Err(format!(
                    "{lost}; the API lists {} objects with {described} ({}), so which one this create made is not clear: \
                     `terraform import` the one that is yours",
                    several.len(),
                    ids.join(", ")
                ))
            }
        }
    }
}

/// An object as the error names it: the value of the resource's ID attribute, else its JSON.
fn identify(resource: &Resource, item: &Value) -> String {
    let field = resource.id_attribute.as_ref().map(|id| resource.schema.attribute(id).api_name.as_str());
    match field.and_then(|field| item.get(field)) {
        Some(Value::String(id)) => id.clone(),
        Some(id) => id.to_string(),
        None => item.to_string(),
    }
}
