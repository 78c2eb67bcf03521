use macros::Attributes;

#[derive(Attributes)]
struct Thing {
    #[attribute(optional)]
    timeout: Option<std::time::Duration>,
    #[attribute(optional)]
    ports: Option<Vec<u8>>,
}

fn main() {}
