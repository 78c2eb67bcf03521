//! Operations the API finishes later (`wait:` on an operation): once the API has accepted a create, an
//! update or a delete, the object is read every interval until its status attribute says it is done (or
//! that it failed), or until the read answers that it is gone, or the operation resource the answer names
//! is read until its status field says so; all within what is left of the operation's time limit.

use std::time::Duration;

use schema::{OperationKind, Resource, Until, Value as Literal, Wait};
use tokio::time::Instant;

use super::plan::from_model;
use super::rest::{Answer, Rest, completed};
use super::timeouts;
use super::value::TfValue;

/// How long an operation may still take: until `deadline`, which the operation's limit set when it
/// began (none: as long as it takes), and that limit for the message that says it ran out.
#[derive(Clone, Copy)]
pub struct Budget {
    /// When the operation's time is up.
    pub deadline: Option<Instant>,
    /// The operation's whole limit.
    pub limit: Option<Duration>,
}

impl Budget {
    /// The budget of an operation of `limit` that begins now.
    pub fn starting(limit: Option<Duration>) -> Budget {
        Budget { deadline: limit.map(|limit| Instant::now() + limit), limit }
    }

    /// Waits `interval` if there is time for it and for a read after it; `false` when there is not.
    async fn pause(&self, interval: Duration) -> bool {
        if self.deadline.is_some_and(|deadline| Instant::now() + interval >= deadline) {
            return false;
        }
        tokio::time::sleep(interval).await;
        true
    }

    /// What the error says when the time ran out during `kind`.
    fn exceeded(&self, kind: OperationKind) -> String {
        match self.limit {
            Some(limit) => timeouts::exceeded(kind, limit),
            None => format!("the {} did not finish", kind.key()),
        }
    }
}

/// A wait that ended without the operation done: what the API said last (a create keeps the object's
/// identity from it) and why.
pub struct Unfinished {
    /// The object as last read.
    pub answer: Answer,
    /// What the error says.
    pub problem: String,
}

/// Where the status attribute stands.
enum Status {
    Ready,
    Failed(String),
    Pending(String),
}

impl Rest {
    /// After `kind` of `resource` was accepted with `answer` (for the object `sent`), reads the object
    /// until the wait's attribute reaches a ready value; the last read's answer then stands for the
    /// operation's. A failed value, a read that fails or finds nothing, or time running out end it
    /// unfinished.
    pub async fn settle(
        &self,
        resource: &Resource,
        (kind, wait): (OperationKind, &Wait),
        sent: &TfValue,
        mut answer: Answer,
        budget: Budget,
    ) -> Result<Answer, Unfinished> {
        if let Until::Operation { status, ready, failed, .. } = &wait.until {
            let link = answer.operation.clone().unwrap_or_default();
            if let Err(problem) = self.follow(&link, (status, ready, failed), (kind, wait.interval), budget).await {
                return Err(Unfinished { answer, problem });
            }
            // Done: the object as the API has it now stands for the operation's answer.
            let Some(read) = &resource.operations.read else { return Ok(answer) };
            let current = completed(sent, &answer.said, read);
            let problem = match self.call(resource, OperationKind::Read, &current, None).await {
                Ok(Some(now)) if now.problems.is_empty() => {
                    if let (TfValue::Map(fields), TfValue::Map(said)) = (&mut answer.said, now.said) {
                        fields.extend(said);
                    }
                    return Ok(answer);
                }
                Ok(Some(now)) => now.problems.join("; "),
                Ok(None) => format!("the object is not there to read after the {} finished", kind.key()),
                Err(problem) => problem,
            };
            return Err(Unfinished { answer, problem });
        }
        let (Until::Value { attribute, ready, failed }, Some(read)) = (&wait.until, &resource.operations.read) else {
            return Ok(answer);
        };
        loop {
            let problem = match status(&answer.said, attribute, ready, failed) {
                Status::Ready => return Ok(answer),
                Status::Failed(value) => format!("the API says the {} failed: `{attribute}` is {value}", kind.key()),
                Status::Pending(value) => match budget.pause(wait.interval).await {
                    false => format!("{}: `{attribute}` is still {value}", budget.exceeded(kind)),
                    true => {
                        let current = completed(sent, &answer.said, read);
                        match self.call(resource, OperationKind::Read, &current, None).await {
                            Ok(Some(now)) if now.problems.is_empty() => {
                                if let (TfValue::Map(fields), TfValue::Map(said)) = (&mut answer.said, now.said) {
                                    fields.extend(said);
                                }
                                continue;
                            }
                            Ok(Some(now)) => now.problems.join("; "),
                            Ok(None) => format!("the object is gone while the {} was being waited for", kind.key()),
                            Err(problem) => problem,
                        }
                    }
                },
            };
            return Err(Unfinished { answer, problem });
        }
    }

    /// After a delete of `object` was accepted (with `answer`), reads it until the API answers that it
    /// does not exist, or follows the operation the answer names until it is done.
    pub async fn gone(
        &self,
        resource: &Resource,
        wait: &Wait,
        (object, answer): (&TfValue, Option<Answer>),
        budget: Budget,
    ) -> Result<(), String> {
        if let Until::Operation { status, ready, failed, .. } = &wait.until {
            let link = answer.and_then(|answer| answer.operation).unwrap_or_default();
            return self.follow(&link, (status, ready, failed), (OperationKind::Delete, wait.interval), budget).await;
        }
        if resource.operations.read.is_none() {
            return Ok(());
        }
        loop {
            if self.call(resource, OperationKind::Read, object, None).await?.is_none() {
                return Ok(());
            }
            if !budget.pause(wait.interval).await {
                return Err(format!("{}: the object is still there", budget.exceeded(OperationKind::Delete)));
            }
        }
    }
}

impl Rest {
    /// Reads the operation resource at `link` every `interval` until its `status` field (a dotted path)
    /// holds one of `ready`; one of `failed`, a read that fails, or the time running out is the error.
    async fn follow(
        &self,
        link: &str,
        (status, ready, failed): (&str, &[Literal], &[Literal]),
        (kind, interval): (OperationKind, Duration),
        budget: Budget,
    ) -> Result<(), String> {
        let among = |values: &[Literal], value: &serde_json::Value| {
            values.iter().any(|candidate| super::convert::literal_to_api(candidate) == *value)
        };
        loop {
            let operation = self.operation_status(link).await?;
            let value = status.split('.').try_fold(&operation, |level, name| level.get(name));
            let value = value.cloned().unwrap_or(serde_json::Value::Null);
            if among(ready, &value) {
                return Ok(());
            }
            if among(failed, &value) {
                return Err(format!("the API says the {} failed: the operation's `{status}` is {value}", kind.key()));
            }
            if !budget.pause(interval).await {
                return Err(format!("{}: the operation's `{status}` is still {value}", budget.exceeded(kind)));
            }
        }
    }
}

/// Where `attribute` of what the API said stands among the ready and failed values.
fn status(said: &TfValue, attribute: &str, ready: &[Literal], failed: &[Literal]) -> Status {
    let value = said.field(attribute).unwrap_or(&TfValue::Null);
    let among = |values: &[Literal]| values.iter().any(|candidate| from_model(candidate) == *value);
    let shown = match value {
        TfValue::String(text) => format!("{text:?}"),
        TfValue::Null | TfValue::Unknown => "not said".to_owned(),
        other => format!("{other:?}"),
    };
    if among(ready) {
        Status::Ready
    } else if among(failed) {
        Status::Failed(shown)
    } else {
        Status::Pending(shown)
    }
}
