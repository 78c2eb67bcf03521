use macros::Attributes;

#[derive(Attributes)]
struct Thing {
    #[attribute(required, read_only)]
    name: String,
    #[attribute(required, default = "x")]
    color: String,
    #[attribute(read_only, requires_replacement)]
    id: Option<String>,
    #[attribute(computed)]
    size: Option<i64>,
    label: Option<String>,
}

fn main() {}
