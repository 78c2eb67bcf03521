use macros::Resource;

#[derive(Resource)]
#[operation(read, path = "/things/{id}")]
struct Thing {
    #[attribute(read_only)]
    id: Option<String>,
}

fn main() {}
