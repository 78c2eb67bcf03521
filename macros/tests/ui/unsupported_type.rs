use macros::Attributes;

#[derive(Attributes)]
struct Thing {
    #[attribute(required)]
    name: &'static str,
    #[attribute(optional)]
    pair: (i64, i64),
}

fn main() {}
