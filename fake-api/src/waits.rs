//! Operations the fake finishes later, as APIs that answer 202 do: an object that a waiting create or
//! update wrote shows a pending status for a few reads, then a ready one (or a failed one, where a test
//! asks for that); an object that a waiting delete removes stays readable for a few reads; a write that
//! follows an operation resource names one (a `Location` header or a field) whose status is final after a
//! few reads.

use schema::{Attribute, Resource, Until, Validator, Value as Literal, Wait};
use serde_json::Value;
use serde_json::json;

/// How many reads of an object pass before the work on it is done.
pub const READS_UNTIL_DONE: u32 = 2;

/// Work the fake finishes later on one object.
pub struct Pending {
    /// Reads left before it is done.
    pub reads_left: u32,
    /// What happens then.
    pub finish: Finish,
}

/// How pending work ends.
pub enum Finish {
    /// The status field takes its final value.
    Status {
        /// The API field.
        field: String,
        /// Its final value.
        value: Value,
    },
    /// The object goes.
    Gone,
}

/// How the fake ends the work a waited-for write leaves, as a test asks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum WaitEnd {
    /// The status becomes the first ready value.
    #[default]
    Ready,
    /// The status becomes the first failed value.
    Failed,
    /// The work never ends: the status stays pending.
    Never,
}

impl Pending {
    /// Work that ends with the object gone.
    pub fn gone() -> Pending {
        Pending { reads_left: READS_UNTIL_DONE, finish: Finish::Gone }
    }
}

/// For a write that waits on a status: the API field, the pending value the object shows meanwhile, and
/// the work that ends as `end` says.
pub fn status_work(resource: &Resource, wait: &Wait, end: WaitEnd) -> Option<(String, Value, Pending)> {
    let Until::Value { attribute, ready, failed } = &wait.until else { return None };
    let found = resource.schema.attribute(attribute);
    let last = match end {
        WaitEnd::Failed => failed.first().or(ready.first()),
        WaitEnd::Ready | WaitEnd::Never => ready.first(),
    }?;
    let reads_left = if end == WaitEnd::Never { u32::MAX } else { READS_UNTIL_DONE };
    let field = found.api_name.clone();
    let pending = pending_value(found, ready, failed);
    let finish = Finish::Status { field: field.clone(), value: json(last) };
    Some((field, pending, Pending { reads_left, finish }))
}

/// A value of the status attribute that is neither ready nor failed: the first other member of its enum,
/// else one of its type.
fn pending_value(attribute: &Attribute, ready: &[Literal], failed: &[Literal]) -> Value {
    let taken = |value: &Literal| ready.contains(value) || failed.contains(value);
    let members = attribute.validators.iter().find_map(|validator| match validator {
        Validator::Enum(members) => Some(members),
        _ => None,
    });
    if let Some(member) = members.into_iter().flatten().find(|member| !taken(member)) {
        return json(member);
    }
    let candidates = match attribute.ty {
        schema::Type::Bool => vec![Literal::Bool(false), Literal::Bool(true)],
        schema::Type::Int64 | schema::Type::Number | schema::Type::Float64 => (0..4).map(Literal::Int).collect(),
        _ => ["pending", "in_progress", "working"].map(|text| Literal::String(text.to_owned())).to_vec(),
    };
    candidates.iter().find(|candidate| !taken(candidate)).map(json).unwrap_or(Value::Null)
}

fn json(value: &Literal) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Where the fake serves the operation resources of writes that `follow` one: a prefix no schema's path
/// takes.
pub const OPERATIONS: &str = "/_fake/operations/";

/// An operation resource of a write the fake finishes later, read until its status is final.
pub struct Operation {
    /// Reads left before it is done.
    pub reads_left: u32,
    /// Its status field, a dotted path.
    pub status: String,
    /// The status it shows meanwhile.
    pub pending: Value,
    /// The status it ends with.
    pub last: Value,
}

impl Operation {
    /// The operation resource a write that waits as `wait` says starts, ending as `end` says; `None` for
    /// a wait that follows no operation.
    pub fn start(wait: &Wait, end: WaitEnd) -> Option<Operation> {
        let Until::Operation { status, ready, failed, .. } = &wait.until else { return None };
        let last = match end {
            WaitEnd::Failed => failed.first().or(ready.first()),
            WaitEnd::Ready | WaitEnd::Never => ready.first(),
        }?;
        let taken = |value: &Value| ready.iter().chain(failed).any(|member| json(member) == *value);
        let pending = [json!("running"), json!("pending"), json!(false), json!(0)]
            .into_iter()
            .find(|candidate| !taken(candidate))
            .unwrap_or(Value::Null);
        let reads_left = if end == WaitEnd::Never { u32::MAX } else { READS_UNTIL_DONE };
        Some(Operation { reads_left, status: status.clone(), pending, last: json(last) })
    }

    /// The operation as one more read finds it: its status at its dotted path.
    pub fn read(&mut self) -> Value {
        self.reads_left = self.reads_left.saturating_sub(1);
        let status = if self.reads_left == 0 { self.last.clone() } else { self.pending.clone() };
        self.status.rsplit('.').fold(status, |inner, name| json!({ name: inner }))
    }
}

/// Puts `link` into `answer` at the dotted path `field`, making the objects on the way.
pub fn put_link(answer: &mut Value, field: &str, link: &str) {
    let mut level = answer;
    for name in field.split('.') {
        if !level.is_object() {
            *level = json!({});
        }
        let Value::Object(fields) = level else { return };
        level = fields.entry(name.to_owned()).or_insert(Value::Null);
    }
    *level = Value::String(link.to_owned());
}
