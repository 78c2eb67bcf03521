use macros::Attributes;

#[derive(Attributes)]
struct Thing {
    #[attribute(requried)]
    name: String,
    #[attribute(optional, lenght(min = 1))]
    label: Option<String>,
}

fn main() {}
