//! Importing a provider folder from another description of the API: the model from the importer
//! ([`openapi`]), written as `provider.yaml` beside example files worked out from it. Imported into a
//! folder that holds the provider already, it keeps that provider's history ([`crate::history`]).

use std::path::Path;

use openapi::{Imported, Options};
use schema::FileErrors;

/// Imports the OpenAPI spec of `options` into the provider folder `out`: `provider.yaml`, and the
/// example files ([`crate::docs::generated_examples`]) of the resources and data sources. Where `out`
/// holds a `provider.yaml` already, its resources' versions, upgrade steps and moved types are kept and
/// the steps the new import needs are added, each said in the report. Nothing is written when the spec
/// has errors.
pub fn openapi(options: &Options, out: &Path) -> Result<Imported, Vec<FileErrors>> {
    let mut imported = openapi::import(options)?;
    if out.join(schema::PROVIDER_FILE).exists() {
        // The history compares resolved models; a model that does not resolve is refused when written.
        let resolved = imported.provider.resolve();
        match schema::load_provider(out).map(|earlier| (earlier, resolved)) {
            Ok((earlier, Ok(()))) => {
                let kept = crate::history::keep(&earlier.provider, &mut imported.provider);
                imported.report.extend(kept);
            }
            Ok((_, Err(_))) => {}
            Err(errors) => imported
                .warnings
                .push(format!("the provider there does not load, so its history is not kept:\n{errors}")),
        }
    }
    let loaded = openapi::write_folder(&imported, out)?;
    for (path, text) in crate::docs::generated_examples(&loaded) {
        let target = out.join(&path);
        let written =
            target.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&target, text));
        written.map_err(|error| vec![FileErrors::whole_file(&target, error.to_string(), "check the output folder")])?;
    }
    Ok(imported)
}
