//! A synthetic provider for the benchmarks: resources of 10 to 40 attributes with objects nested three
//! levels deep, the same every run.

use std::fmt::Write as _;

/// A small deterministic generator.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound as u64) as usize
    }
}

/// One synthetic attribute: name, mode, primitive type, and children (an object) if any.
pub struct Attr {
    pub name: String,
    pub mode: &'static str,
    pub ty: &'static str,
    pub children: Vec<Attr>,
}

/// Attributes of one object; the attributes of a read-only object are read-only too.
fn attributes(random: &mut Random, count: usize, depth: usize, read_only: bool) -> Vec<Attr> {
    (0..count)
        .map(|index| {
            let mode = if read_only {
                "read_only"
            } else {
                ["required", "optional", "read_only", "optional_computed"][random.below(4)]
            };
            let nested = depth < 3 && random.below(6) == 0;
            let children = if nested {
                let count = 2 + random.below(4);
                attributes(random, count, depth + 1, mode == "read_only")
            } else {
                Vec::new()
            };
            let ty =
                if nested { "object" } else { ["string", "int64", "bool", "list(string)", "float64"][random.below(5)] };
            Attr { name: format!("attribute_{index}"), mode, ty, children }
        })
        .collect()
}

pub fn resources(count: usize) -> Vec<Vec<Attr>> {
    let mut random = Random(0x2545_f491_4f6c_dd1d);
    (0..count)
        .map(|_| {
            let count = 10 + random.below(31);
            let mut attrs = attributes(&mut random, count, 1, false);
            // Each resource has a three-level chain of nested objects.
            let leaf = Attr { name: "leaf".into(), mode: "optional", ty: "string", children: Vec::new() };
            let middle = Attr { name: "middle".into(), mode: "optional", ty: "object", children: vec![leaf] };
            attrs.push(Attr { name: "outer".into(), mode: "optional", ty: "object", children: vec![middle] });
            attrs.push(Attr { name: "id".into(), mode: "read_only", ty: "string", children: Vec::new() });
            attrs
        })
        .collect()
}

pub fn synthetic_yaml(count: usize) -> String {
    let mut out = String::from("name: synth\ndescription: A synthetic provider.\n");
    out.push_str("errors:\n  NotFoundError: {status: 404}\nresources:\n");
    for (index, attrs) in resources(count).iter().enumerate() {
        writeln!(out, "  thing_{index}:\n    description: Thing number {index}, with `markdown`.\n    attributes:")
            .unwrap();
        yaml_attributes(&mut out, attrs, 6);
        out.push_str("    operations:\n");
        out.push_str("      create: {method: POST, path: /things}\n");
        out.push_str("      read: {method: GET, path: \"/things/{id}\", errors: [NotFoundError]}\n");
        out.push_str("      update: {method: PUT, path: \"/things/{id}\"}\n");
        out.push_str("      delete: {method: DELETE, path: \"/things/{id}\"}\n");
    }
    out
}

fn yaml_attributes(out: &mut String, attrs: &[Attr], indent: usize) {
    let pad = " ".repeat(indent);
    for attr in attrs {
        let mode = match attr.mode {
            "optional_computed" => format!("optional: true\n{pad}  computed: true"),
            mode => format!("{mode}: true"),
        };
        let name = &attr.name;
        writeln!(
            out,
            "{pad}{name}:\n{pad}  type: {}\n{pad}  {mode}\n{pad}  description: The {name} of the thing.",
            attr.ty
        )
        .unwrap();
        if !attr.children.is_empty() {
            writeln!(out, "{pad}  attributes:").unwrap();
            yaml_attributes(out, &attr.children, indent + 4);
        }
    }
}
