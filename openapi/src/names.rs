//! Terraform names from OpenAPI names, split into words as the leading generator splits them: at case
//! changes and punctuation, acronym runs as one word (`GatewayPluginACL` → `gateway_plugin_acl`), a
//! plural acronym as one word (`ingressIPs` → `ingress_ips`), `#` spelled `number`.

/// `name` in snake_case.
pub fn snake(name: &str) -> String {
    words(name).join("_")
}

/// A Terraform name for a snake_case name: ASCII lower-case letters, digits and `_` only (any other
/// character becomes `_`), not starting with a digit (`_` goes first), and `unnamed` for nothing at all.
pub fn legal(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    if out.is_empty() || out == "_" {
        return "unnamed".to_owned();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// `name`, or `name_2`, `name_3`, ... : the first that `taken` does not hold (compared as Rust
/// identifiers, so `self` and `self_` meet too), which it then holds.
pub fn unique(name: String, taken: &mut std::collections::HashSet<String>) -> String {
    let key = |name: &str| schema::names::unraw(&schema::names::field(name)).to_owned();
    if taken.insert(key(&name)) {
        return name;
    }
    (2..).map(|number| format!("{name}_{number}")).find(|candidate| taken.insert(key(candidate))).unwrap_or(name)
}

/// The lower-case words of `name`.
pub fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, words: &mut Vec<String>| {
        if !current.is_empty() {
            words.push(std::mem::take(current).to_lowercase());
        }
    };
    for (index, &c) in chars.iter().enumerate() {
        if c == '#' {
            flush(&mut current, &mut words);
            words.push("number".to_owned());
            continue;
        }
        if !c.is_alphanumeric() {
            flush(&mut current, &mut words);
            continue;
        }
        let previous = index.checked_sub(1).map(|at| chars[at]);
        let next = chars.get(index + 1).copied();
        let after_next = chars.get(index + 2).copied();
        let boundary = match previous {
            Some(previous) if c.is_uppercase() => {
                // camelCase: a capital after a small letter or a digit starts a word.
                (previous.is_lowercase() || previous.is_ascii_digit())
                    // ACRONYMWord: the last capital of a run starts the next word, unless what follows is
                    // a plural `s` (IPs).
                    || (previous.is_uppercase()
                        && next.is_some_and(char::is_lowercase)
                        && (next != Some('s') || after_next.is_some_and(char::is_alphanumeric)))
            }
            _ => false,
        };
        if boundary {
            flush(&mut current, &mut words);
        }
        current.push(c);
    }
    flush(&mut current, &mut words);
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_as_the_leading_generator_does() {
        for (name, snake_name) in [
            ("GatewayPluginACL", "gateway_plugin_acl"),
            ("GatewayCACertificate", "gateway_ca_certificate"),
            ("EventGatewayTLSTrustBundle", "event_gateway_tls_trust_bundle"),
            ("CMEK", "cmek"),
            ("controlPlaneId", "control_plane_id"),
            ("hostnameGeneratorCreation", "hostname_generator_creation"),
            ("ingressIPs", "ingress_ips"),
            ("key-auth", "key_auth"),
            ("x5t#S256", "x5t_number_s256"),
            ("bundle_id", "bundle_id"),
            ("PaginatedBundleList", "paginated_bundle_list"),
        ] {
            assert_eq!(snake(name), snake_name, "{name}");
        }
    }

    #[test]
    fn names_become_terraform_names() {
        assert_eq!(legal("größe"), "gr_e");
        assert_eq!(legal("1st_choice"), "_1st_choice");
        assert_eq!(legal(""), "unnamed");
        assert_eq!(legal("a.b-c"), "a_b_c");
        let mut taken = std::collections::HashSet::new();
        assert_eq!(unique("self".to_owned(), &mut taken), "self");
        assert_eq!(unique("self_".to_owned(), &mut taken), "self__2");
        assert_eq!(unique("self".to_owned(), &mut taken), "self_3");
    }
}
