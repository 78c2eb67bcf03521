//! Commands that change or inspect a running fake from another process, one per line (the binary reads
//! them from standard input with `--control-stdin`); each answer is one line of JSON, or a line starting
//! with `error:`.
//!
//! - `count` and `count TYPE`: how many objects the fake holds (of one resource type).
//! - `objects TYPE`: the objects of a resource type as stored, as a JSON array.
//! - `remove TYPE`: deletes every object of a resource type, as if deleted outside Terraform; answers how
//!   many it deleted.

use std::io::{BufRead, Write};

use serde_json::Value;

use crate::FakeApi;

/// Answers every command read from `input` on `output` until `input` ends.
pub fn serve(api: &FakeApi, input: impl BufRead, mut output: impl Write) -> std::io::Result<()> {
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let answer = match answer(api, &line) {
            Ok(value) => value.to_string(),
            Err(message) => format!("error: {message}"),
        };
        writeln!(output, "{answer}")?;
        output.flush()?;
    }
    Ok(())
}

/// The answer to one command.
pub fn answer(api: &FakeApi, command: &str) -> Result<Value, String> {
    let mut words = command.split_whitespace();
    let verb = words.next().unwrap_or_default();
    let type_name = words.next();
    if words.next().is_some() {
        return Err(format!("`{command}` has too many words"));
    }
    let known = |type_name: &str| {
        let provider = &api.state.provider;
        if provider.resources.contains_key(type_name) || provider.ephemeral_resources.contains_key(type_name) {
            Ok(type_name.to_owned())
        } else {
            Err(format!("no resource type `{type_name}`"))
        }
    };
    match (verb, type_name) {
        ("count", None) => Ok(Value::from(api.object_count())),
        ("count", Some(type_name)) => Ok(Value::from(api.objects(&known(type_name)?).len())),
        ("objects", Some(type_name)) => Ok(Value::Array(api.objects(&known(type_name)?))),
        ("remove", Some(type_name)) => {
            let type_name = known(type_name)?;
            let before = api.objects(&type_name).len();
            api.remove(&type_name, |_| true);
            Ok(Value::from(before - api.objects(&type_name).len()))
        }
        _ => Err(format!("unknown command `{command}`; the commands are count [TYPE], objects TYPE, remove TYPE")),
    }
}
