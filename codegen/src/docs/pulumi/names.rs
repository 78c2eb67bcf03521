//! Names on Pulumi pages: how the Terraform bridge turns a Terraform attribute into a Pulumi property
//! (camelCase; list and set attributes pluralised), how each language spells a property, and the
//! singular of a list's name that nested type names are built from.
//!
//! The plural and singular forms follow the rules of the inflector the bridge uses (a port of CakePHP's
//! Inflector): irregular words, words that never inflect, then ordered suffix rules applied to the whole
//! camelCase name, so `missingPermissions` becomes `missingPermission`.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use heck::{ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};
use regex::Regex;

/// The Pulumi name of a Terraform attribute: camelCase, pluralised for a list or set whose name reads as
/// a singular (`scope` -> `scopes`).
pub fn property(terraform_name: &str, many: bool) -> String {
    let camel = terraform_name.to_lower_camel_case();
    if many && singular(&camel) == camel {
        let plural = plural(&camel);
        if singular(&plural) == camel {
            return plural;
        }
    }
    camel
}

/// The PascalCase form (C#, Go): only the first letter changes, as the bridge's `Title` does.
pub fn title(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The snake_case form (Python).
pub fn snake(name: &str) -> String {
    name.to_snake_case()
}

/// A property's name in Pulumi HCL: snake_case, a run of capitals kept as one word unless its last
/// capital starts a lowercase word (`apiKeySource` -> `api_key_source`, `restAPI` -> `rest_api`,
/// `providerARNs` -> `provider_ar_ns`), as Pulumi HCL's code generator spells Pulumi names.
pub fn hcl_property(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    let mut after_capital = false;
    for (index, &c) in chars.iter().enumerate() {
        if !c.is_uppercase() {
            after_capital = false;
            out.push(c);
            continue;
        }
        // Within a run of capitals the word goes on, unless this capital starts a lowercase word.
        let continues_word =
            after_capital && chars.get(index + 1).is_none_or(|next| next.is_uppercase() || next.is_numeric());
        if !out.is_empty() && !continues_word {
            out.push('_');
        }
        out.extend(c.to_lowercase());
        after_capital = true;
    }
    out
}

/// A type name's part of a Pulumi HCL resource or data source type: every capital after the first
/// starts a word (`RandomInteger` -> `random_integer`, `RestAPI` -> `rest_a_p_i`).
pub fn hcl_type(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (index, c) in name.chars().enumerate() {
        if c.is_uppercase() && index > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A resource's Pulumi type name from its Terraform name without the provider prefix.
pub fn resource(short: &str) -> String {
    short.to_upper_camel_case()
}

/// A program's variable for a Terraform resource name (`my_integrationinstanceauthcredential` ->
/// `myIntegrationinstanceauthcredential`).
pub fn variable(terraform_name: &str) -> String {
    terraform_name.to_lower_camel_case()
}

/// The lowerCamelCase form of a PascalCase type name (`FusionAuthApiKey` -> `fusionAuthApiKey`).
pub fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One suffix rule: a pattern and its replacement (`$1` for the first group).
struct Rule(Regex, &'static str);

/// The inflector's tables for one direction.
struct Inflections {
    /// Whole words with their irregular counterpart.
    irregular: Vec<(&'static str, &'static str)>,
    /// Whole-word patterns that stay as they are.
    uninflected: Regex,
    /// Ordered suffix rules; the first that matches applies.
    rules: Vec<Rule>,
    /// Words already inflected: a provider's pages ask for the same names many times, and the patterns
    /// are slow to run.
    done: Mutex<HashMap<String, String>>,
}

/// Words (as patterns) that are the same in singular and plural.
const UNINFLECTED: &str = "amoyese|bison|borghese|bream|breeches|britches|buffalo|cantus|carp|chassis|clippers|cod|coitus|congoese|contretemps|corps|debris|diabetes|djinn|eland|elk|equipment|faroese|flounder|foochowese|gallows|genevese|genoese|gilbertese|graffiti|headquarters|herpes|hijinks|hottentotese|information|innings|jackanapes|kiplingese|kongoese|lucchese|mackerel|maltese|.*?media|mews|moose|mumps|nankingese|news|nexus|niasese|pekingese|piedmontese|pincers|pistoiese|pliers|portuguese|proceedings|rabies|rice|rhinoceros|salmon|sarawakese|scissors|sea[- ]bass|series|shavese|shears|siemens|species|swine|testes|trousers|trout|tuna|vermontese|wenchowese|whiting|wildebeest|yengeese";

/// Singular and plural forms that follow no rule.
const IRREGULAR: &[(&str, &str)] = &[
    ("atlas", "atlases"),
    ("beef", "beefs"),
    ("brother", "brothers"),
    ("cafe", "cafes"),
    ("child", "children"),
    ("cookie", "cookies"),
    ("corpus", "corpuses"),
    ("cow", "cows"),
    ("ganglion", "ganglions"),
    ("genie", "genies"),
    ("genus", "genera"),
    ("graffito", "graffiti"),
    ("hoof", "hoofs"),
    ("loaf", "loaves"),
    ("man", "men"),
    ("money", "monies"),
    ("mongoose", "mongooses"),
    ("move", "moves"),
    ("mythos", "mythoi"),
    ("niche", "niches"),
    ("numen", "numina"),
    ("occiput", "occiputs"),
    ("octopus", "octopuses"),
    ("opus", "opuses"),
    ("ox", "oxen"),
    ("penis", "penises"),
    ("person", "people"),
    ("sex", "sexes"),
    ("soliloquy", "soliloquies"),
    ("testis", "testes"),
    ("trilby", "trilbys"),
    ("turf", "turfs"),
    ("wave", "waves"),
];

fn rules(table: &[(&str, &'static str)]) -> Vec<Rule> {
    table.iter().map(|(pattern, to)| Rule(Regex::new(&format!("(?i){pattern}")).expect("inflector rule"), to)).collect()
}

static SINGULAR: LazyLock<Inflections> = LazyLock::new(|| Inflections {
    irregular: IRREGULAR.iter().map(|(one, many)| (*many, *one)).collect(),
    uninflected: Regex::new(&format!(
        "(?i)^(?:{UNINFLECTED}|.*[nrlm]ese|.*deer|.*fish|.*measles|.*ois|.*pox|.*sheep|.*ss)$"
    ))
    .expect("uninflected words"),
    rules: rules(&[
        ("(s)tatuses$", "${1}tatus"),
        ("^(.*)(menu)s$", "${1}${2}"),
        ("(quiz)zes$", "${1}"),
        ("(matr)ices$", "${1}ix"),
        ("(vert|ind)ices$", "${1}ex"),
        ("^(ox)en", "${1}"),
        ("(alias)(es)*$", "${1}"),
        ("(alumn|bacill|cact|foc|fung|nucle|radi|stimul|syllab|termin|viri?)i$", "${1}us"),
        ("([ftw]ax)es", "${1}"),
        ("(cris|ax|test)es$", "${1}is"),
        ("(shoe)s$", "${1}"),
        ("(o)es$", "${1}"),
        ("ouses$", "ouse"),
        ("([^a])uses$", "${1}us"),
        ("([m|l])ice$", "${1}ouse"),
        ("(x|ch|ss|sh)es$", "${1}"),
        ("(m)ovies$", "${1}ovie"),
        ("(s)eries$", "${1}eries"),
        ("([^aeiouy]|qu)ies$", "${1}y"),
        ("(tive)s$", "${1}"),
        ("(hive)s$", "${1}"),
        ("(drive)s$", "${1}"),
        ("([le])ves$", "${1}f"),
        ("([^rfoa])ves$", "${1}fe"),
        ("(^analy)ses$", "${1}sis"),
        ("(analy|diagno|^ba|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$", "${1}sis"),
        ("([ti])a$", "${1}um"),
        ("(p)eople$", "${1}erson"),
        ("(m)en$", "${1}an"),
        ("(c)hildren$", "${1}hild"),
        ("(n)ews$", "${1}ews"),
        ("eaus$", "eau"),
        ("^(.*us)$", "${1}"),
        ("s$", ""),
    ]),
    done: Mutex::default(),
});

static PLURAL: LazyLock<Inflections> = LazyLock::new(|| Inflections {
    irregular: IRREGULAR.to_vec(),
    uninflected: Regex::new(&format!(
        "(?i)^(?:{UNINFLECTED}|.*[nrlm]ese|.*deer|.*fish|.*measles|.*ois|.*pox|.*sheep|people|cookie)$"
    ))
    .expect("uninflected words"),
    rules: rules(&[
        ("(s)tatus$", "${1}tatuses"),
        ("(quiz)$", "${1}zes"),
        ("^(ox)$", "${1}en"),
        ("([m|l])ouse$", "${1}ice"),
        ("(matr|vert|ind)(ix|ex)$", "${1}ices"),
        ("(x|ch|ss|sh)$", "${1}es"),
        ("([^aeiouy]|qu)y$", "${1}ies"),
        ("(hive)$", "${1}s"),
        ("(chef)$", "${1}s"),
        ("([^f])fe$", "${1}ves"),
        ("([lre])f$", "${1}ves"),
        ("sis$", "ses"),
        ("([ti])um$", "${1}a"),
        ("(p)erson$", "${1}eople"),
        ("([^u]m|^m)an$", "${1}en"),
        ("(c)hild$", "${1}hildren"),
        ("(buffal|tomat)o$", "${1}oes"),
        ("(alumn|bacill|cact|foc|fung|nucle|radi|stimul|syllab|termin)us$", "${1}i"),
        ("us$", "uses"),
        ("(alias)$", "${1}es"),
        ("(ax|cris|test)is$", "${1}es"),
        ("s$", "s"),
        ("^$", ""),
        ("$", "s"),
    ]),
    done: Mutex::default(),
});

impl Inflections {
    fn apply(&self, word: &str) -> String {
        let mut done = self.done.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        done.entry(word.to_owned()).or_insert_with(|| self.inflect(word)).clone()
    }

    fn inflect(&self, word: &str) -> String {
        let lower = word.to_lowercase();
        for (from, to) in &self.irregular {
            // Irregular words count at the end of the name, after a word boundary or a camelCase hump.
            if let Some(start) = lower.strip_suffix(from).map(str::len) {
                let boundary = start == 0
                    || !word[..start].ends_with(|c: char| c.is_ascii_alphanumeric())
                    || word[start..].starts_with(|c: char| c.is_ascii_uppercase());
                if boundary {
                    let mut replaced = to.to_string();
                    if word[start..].starts_with(|c: char| c.is_ascii_uppercase()) {
                        replaced = title(&replaced);
                    }
                    return format!("{}{replaced}", &word[..start]);
                }
            }
        }
        if self.uninflected.is_match(word) {
            return word.to_owned();
        }
        for Rule(pattern, to) in &self.rules {
            if pattern.is_match(word) {
                return pattern.replace(word, *to).into_owned();
            }
        }
        word.to_owned()
    }
}

/// The singular of a name (`headers` -> `header`, `missingPermissions` -> `missingPermission`).
pub fn singular(name: &str) -> String {
    SINGULAR.apply(name)
}

/// The plural of a name (`scope` -> `scopes`, `policy` -> `policies`).
pub fn plural(name: &str) -> String {
    PLURAL.apply(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_forms_of_the_seed_pages() {
        for (plural, one) in [
            ("headers", "header"),
            ("missingPermissions", "missingPermission"),
            ("permissionsEndpoints", "permissionsEndpoint"),
            ("scopes", "scope"),
            ("policies", "policy"),
            ("addresses", "address"),
            ("statuses", "status"),
            ("series", "series"),
            ("people", "person"),
            ("children", "child"),
            ("aliases", "alias"),
            ("indices", "index"),
            ("access", "access"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }

    #[test]
    fn plural_forms() {
        for (one, many) in [
            ("header", "headers"),
            ("scope", "scopes"),
            ("policy", "policies"),
            ("address", "addresses"),
            ("status", "statuses"),
            ("person", "people"),
            ("key", "keys"),
            ("half", "halves"),
            ("index", "indices"),
            ("news", "news"),
        ] {
            assert_eq!(plural(one), many, "{one}");
        }
    }

    #[test]
    fn bridge_property_names() {
        assert_eq!(property("integration_instance_id", false), "integrationInstanceId");
        assert_eq!(property("permissions_endpoints", true), "permissionsEndpoints");
        assert_eq!(property("missing_permissions", true), "missingPermissions");
        assert_eq!(property("scope", true), "scopes");
        assert_eq!(property("multi_key_auth", false), "multiKeyAuth");
        assert_eq!(title("multiKeyAuth"), "MultiKeyAuth");
        assert_eq!(snake("multiKeyAuthCredential"), "multi_key_auth_credential");
        assert_eq!(resource("integration_instance_auth_credential"), "IntegrationInstanceAuthCredential");
        assert_eq!(variable("my_integrationinstanceauthcredential"), "myIntegrationinstanceauthcredential");
        assert_eq!(lower_first("FusionAuthApiKey"), "fusionAuthApiKey");
    }

    #[test]
    fn pulumi_hcl_names() {
        for (pulumi, hcl) in [
            ("apiKeySource", "api_key_source"),
            ("disableExecuteApiEndpoint", "disable_execute_api_endpoint"),
            ("providerARNs", "provider_ar_ns"),
            ("restAPI", "rest_api"),
            ("authorizerResultTtlInSeconds", "authorizer_result_ttl_in_seconds"),
            ("max", "max"),
            ("ipV4Cidr", "ip_v4_cidr"),
            ("URL", "url"),
            ("", ""),
        ] {
            assert_eq!(hcl_property(pulumi), hcl, "{pulumi}");
        }
        assert_eq!(hcl_type("RandomInteger"), "random_integer");
        assert_eq!(hcl_type("RestAPI"), "rest_a_p_i");
        assert_eq!(hcl_type("IntegrationInstanceAuthCredential"), "integration_instance_auth_credential");
    }
}
