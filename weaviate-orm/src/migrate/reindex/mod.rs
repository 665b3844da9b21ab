//! [`Policy::Reindex`](crate::migrate::Policy::Reindex): a breaking change
//! applied by copying every object into the next version of the collection
//! and pointing the model's alias at it.
//!
//! The copy reads the old version with the cursor and writes each object as
//! it is stored (its properties, references and vectors of every name),
//! leaving out the properties the model no longer has and converting those
//! the migration maps. Writes that reach the old version while it is copied
//! are caught up: a second pass copies the objects that changed since the
//! first (by their update time) and deletes the ones deleted meanwhile; the
//! alias is then moved; a last pass copies what changed on the old version
//! in between, unless the new version has a newer write of the object.
//! Objects refused by the new version stop the migration before the alias
//! moves. The old version is kept: pointing the alias back rolls back. A
//! multi-tenant collection is copied tenant by tenant; inactive tenants are
//! activated for the copy and made inactive again in both versions.
//!
//! References are copied with their targets, a multi-target one read one
//! target collection at a time. References *into* an alias-backed model
//! point at the version behind the alias (see `migrate::targets`).

mod count;
mod lock;
mod raw;
mod tenancy;
mod versions;

use std::collections::HashMap;

use reqwest::Method;
use serde_json::Value;
use uuid::Uuid;

use self::raw::{RawObject, Shape};
use super::targets;
use crate::client::WeaviateClient;
use crate::client::rest::Path;
use crate::schema::diff::diff;
use crate::schema::{CollectionConfig, DataType};
use crate::value::PropertyValue;
use crate::{Error, Result, names};

pub(crate) use count::count;
pub(crate) use lock::{Acquired, acquire, release};
pub(crate) use versions::{first_version, next_version};

/// Objects per page of the copy.
const PAGE: u32 = 500;

/// A conversion of one property's stored value into the model's type.
pub type Conversion = std::sync::Arc<dyn Fn(PropertyValue) -> std::result::Result<PropertyValue, String> + Send + Sync>;

/// A reindex done: the alias, the versions, and the objects copied.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Reindexed {
    /// The alias: the model's collection name.
    pub alias: String,
    /// The version the alias pointed to (kept).
    pub from: String,
    /// The new version it points to.
    pub to: String,
    /// Objects copied (once each, however many passes).
    pub objects: u64,
}

/// Copies `from` into the model's collection created as `to`, and points
/// the model's alias (which points to `from`) at it.
pub(crate) async fn reindex(
    client: &WeaviateClient,
    model: &CollectionConfig,
    from: &str,
    to: &str,
    conversions: &HashMap<String, Conversion>,
) -> Result<Reindexed> {
    let alias = model.name.clone();
    let mut target = model.clone();
    target.name = to.to_owned();
    create_or_resume(client, &target).await?;
    let source_class = client.collections().config_json(from).await?;
    let shape = shape_of(&source_class);
    let tenants = Tenancy::prepare(client, &source_class, from, to).await?;
    let copies: Vec<Copy<'_>> = tenants
        .scopes()
        .into_iter()
        .map(|tenant| Copy { client, from, to, tenant, shape: &shape, model: &target, conversions })
        .collect();

    // Per tenant: what a resumed version holds, pass 1, the catch-up, the check.
    let mut states = Vec::with_capacity(copies.len());
    for copy in &copies {
        // A version an interrupted run made may have served the alias since:
        // what was written to it then is newer than the old version's objects.
        let resumed = copy.times_in_to().await?;
        let mut copied = HashMap::new();
        copy.pass(&mut copied, Keep { newer_in: &resumed, written_after: None }).await?;
        copy.pass(&mut copied, Keep { newer_in: &resumed, written_after: None }).await?;
        copy.verify(&copied).await?;
        states.push((resumed, copied));
    }

    client.aliases().update(&alias, to).await?;
    let moved_at = chrono::Utc::now().timestamp_millis();
    // What reached the old version between the catch-up and the move.
    let mut objects = 0;
    for (copy, (resumed, copied)) in copies.iter().zip(&mut states) {
        copy.pass(copied, Keep { newer_in: resumed, written_after: Some(moved_at) }).await?;
        objects += copied.len() as u64;
    }
    tenants.restore(client, from, to).await?;
    tracing::info!(%alias, %from, %to, objects, "reindexed");
    Ok(Reindexed { alias, from: from.to_owned(), to: to.to_owned(), objects })
}

/// Starts moving the plain collection `name` behind an alias of its name:
/// copies it as it is into its first version (its references to the
/// collections of `behind`, alias → collection, following them), stops
/// writes to it (its shards READONLY: a write then fails, and is never
/// confirmed and lost) and copies what was written meanwhile. Returns the
/// first version's name; [`adopt_finish`] completes the move.
pub(crate) async fn adopt_copy(
    client: &WeaviateClient,
    name: &str,
    behind: &HashMap<String, String>,
) -> Result<String> {
    let class = client.collections().config_json(name).await?;
    let stored =
        CollectionConfig::from_json(&class).map_err(|e| Error::InvalidConfig(format!("adopting `{name}`: {e}")))?;
    let mut original = targets::resolved(&stored, behind);
    let first = first_version(name);
    original.name = first.clone();
    create_or_resume(client, &original).await?;
    let shape = shape_of(&class);
    let none = HashMap::new();
    let tenants = Tenancy::prepare(client, &class, name, &first).await?;
    let mut objects = 0;
    for tenant in tenants.scopes() {
        let copy = Copy { client, from: name, to: &first, tenant, shape: &shape, model: &original, conversions: &none };
        let resumed = copy.times_in_to().await?;
        let keep = Keep { newer_in: &resumed, written_after: None };
        let mut copied = HashMap::new();
        copy.pass(&mut copied, keep).await?;
        copy.pass(&mut copied, keep).await?;
        read_only(client, name, tenant).await?;
        copy.pass(&mut copied, keep).await?;
        copy.verify(&copied).await?;
        objects += copied.len();
    }
    tenants.restore(client, name, &first).await?;
    tracing::info!(collection = %name, version = %first, objects, "copied into its first version");
    Ok(first)
}

/// Completes [`adopt_copy`]: deletes the plain collection and creates the
/// alias of its name to its first version. Between the two, a read of the
/// name fails; the first version keeps the collection as it was.
pub(crate) async fn adopt_finish(client: &WeaviateClient, name: &str, first: &str) -> Result<()> {
    client.collections().delete(name).await?;
    client.aliases().create(name, first).await?;
    tracing::info!(collection = %name, version = %first, "moved behind an alias");
    Ok(())
}

/// Sets every shard of `collection` (of `tenant`'s, for a tenant) READONLY.
async fn read_only(client: &WeaviateClient, collection: &str, tenant: &str) -> Result<()> {
    let mut path = Path::new("schema").then(names::collection(collection)?)?.and("shards");
    if !tenant.is_empty() {
        path = path.query("tenant", tenant);
    }
    let t = client.transports()?;
    let shards: Vec<Value> = t.rest.get_json(&path, t.timeouts.query).await?;
    for shard in shards.iter().filter_map(|s| s.get("name").and_then(Value::as_str)) {
        let body = serde_json::json!({"status": "READONLY"});
        let mut shard_path = Path::new("schema").then(collection)?.and("shards").then(shard)?;
        if !tenant.is_empty() {
            shard_path = shard_path.query("tenant", tenant);
        }
        t.rest.send_json(Method::PUT, &shard_path, &body, t.timeouts.insert).await?;
    }
    Ok(())
}

/// Creates `config`'s collection, or takes the one an interrupted run left
/// when it has the model's schema.
async fn create_or_resume(client: &WeaviateClient, config: &CollectionConfig) -> Result<()> {
    match client.collections().config_if_exists(&config.name).await? {
        None => client.collections().create_from_config(config).await,
        Some(existing) if diff(config, Some(&existing)).plan.is_up_to_date() => {
            tracing::info!(collection = %config.name, "resuming an interrupted reindex");
            Ok(())
        }
        Some(_) => Err(Error::InvalidConfig(format!(
            "`{}` exists with another schema than the model's; drop it to reindex into it",
            config.name
        ))),
    }
}

/// The references and vectors to read from a collection's schema JSON.
fn shape_of(class: &Value) -> Shape {
    let properties = class.get("properties").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let references = properties
        .iter()
        .filter_map(|p| {
            let types = p.get("dataType").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
            let targets: Vec<String> = types
                .iter()
                .filter_map(Value::as_str)
                .filter(|t| t.starts_with(|c: char| c.is_ascii_uppercase()))
                .map(str::to_owned)
                .collect();
            let name = p.get("name").and_then(Value::as_str)?;
            (!targets.is_empty()).then(|| (name.to_owned(), targets))
        })
        .collect();
    let vectors =
        class.get("vectorConfig").and_then(Value::as_object).map(|v| v.keys().cloned().collect()).unwrap_or_default();
    Shape { everything: true, references, vectors }
}

/// The tenants of a copy: none, or those of `from`, made in `to`, with the
/// inactive ones activated for the copy and put back afterwards.
struct Tenancy {
    tenants: Vec<tenancy::TenantState>,
}

impl Tenancy {
    async fn prepare(client: &WeaviateClient, class: &Value, from: &str, to: &str) -> Result<Self> {
        if !tenancy::is_multi_tenant(class) {
            return Ok(Self { tenants: Vec::new() });
        }
        let tenants = tenancy::list(client, from).await?;
        if let Some(offloaded) = tenants.iter().find(|t| t.is_offloaded()) {
            return Err(Error::InvalidConfig(format!(
                "the tenant `{}` of `{from}` is offloaded ({}); load it before reindexing",
                offloaded.name, offloaded.status
            )));
        }
        let existing: Vec<String> = tenancy::list(client, to).await?.into_iter().map(|t| t.name).collect();
        let missing: Vec<_> = tenants.iter().filter(|t| !existing.contains(&t.name)).cloned().collect();
        tenancy::send(client, to, Method::POST, &tenancy::with_status(&missing, "HOT")).await?;
        let inactive: Vec<_> = tenants.iter().filter(|t| !t.is_active()).cloned().collect();
        tenancy::send(client, from, Method::PUT, &tenancy::with_status(&inactive, "HOT")).await?;
        tenancy::send(client, to, Method::PUT, &tenancy::with_status(&inactive, "HOT")).await?;
        Ok(Self { tenants })
    }

    /// The tenant of each copy: `""` without multi-tenancy.
    fn scopes(&self) -> Vec<&str> {
        if self.tenants.is_empty() { vec![""] } else { self.tenants.iter().map(|t| t.name.as_str()).collect() }
    }

    /// Puts the tenants that were inactive back as they were, in both versions.
    async fn restore(&self, client: &WeaviateClient, from: &str, to: &str) -> Result<()> {
        let inactive: Vec<_> = self.tenants.iter().filter(|t| !t.is_active()).cloned().collect();
        tenancy::send(client, from, Method::PUT, &inactive).await?;
        tenancy::send(client, to, Method::PUT, &inactive).await
    }
}

/// Which objects of `to` a pass leaves as they are.
#[derive(Clone, Copy)]
struct Keep<'a> {
    /// Those these times (read when the run began) show newer than `from`'s.
    newer_in: &'a HashMap<Uuid, i64>,
    /// Those written after this moment (ms), when the alias moved.
    written_after: Option<i64>,
}

struct Copy<'a> {
    client: &'a WeaviateClient,
    from: &'a str,
    to: &'a str,
    /// The tenant copied; empty without multi-tenancy.
    tenant: &'a str,
    shape: &'a Shape,
    model: &'a CollectionConfig,
    conversions: &'a HashMap<String, Conversion>,
}

impl Copy<'_> {
    /// Copies the objects of `from` that are not in `copied` at their update
    /// time, and deletes from `to` the copied ones `from` no longer has; the
    /// objects `keep` names in `to` are newer than `from`'s and left alone.
    async fn pass(&self, copied: &mut HashMap<Uuid, i64>, keep: Keep<'_>) -> Result<()> {
        let written_after: HashMap<Uuid, i64> = match keep.written_after {
            Some(moment) => self.times_in_to().await?.into_iter().filter(|(_, updated)| *updated > moment).collect(),
            None => HashMap::new(),
        };
        let kept = |object: &RawObject| {
            keep.newer_in.get(&object.id).is_some_and(|t| *t > object.updated) || written_after.contains_key(&object.id)
        };
        let mut seen = std::collections::HashSet::new();
        let mut after = None;
        loop {
            let page = raw::page(self.client, self.from, self.tenant, self.shape, after, PAGE).await?;
            after = page.last().map(|o| o.id);
            let done = page.len() < PAGE as usize;
            let mut batch = Vec::new();
            for object in page {
                seen.insert(object.id);
                if copied.get(&object.id) == Some(&object.updated) || kept(&object) {
                    continue;
                }
                copied.insert(object.id, object.updated);
                batch.push(self.convert(object)?);
            }
            let failed = raw::write(self.client, self.to, self.tenant, &batch).await?;
            if !failed.is_empty() {
                return Err(Error::CopyFailed { from: self.from.to_owned(), to: self.to.to_owned(), failed });
            }
            if done {
                break;
            }
        }
        let gone: Vec<Uuid> = copied.keys().filter(|id| !seen.contains(id)).copied().collect();
        for id in gone {
            copied.remove(&id);
            if !written_after.contains_key(&id) {
                self.delete(id).await?;
            }
        }
        Ok(())
    }

    /// The update time of each object of `to`.
    async fn times_in_to(&self) -> Result<HashMap<Uuid, i64>> {
        let mut out = HashMap::new();
        let mut after = None;
        loop {
            let page = raw::page(self.client, self.to, self.tenant, &Shape::ids(), after, PAGE).await?;
            after = page.last().map(|o| o.id);
            let done = page.len() < PAGE as usize;
            out.extend(page.into_iter().map(|o| (o.id, o.updated)));
            if done {
                return Ok(out);
            }
        }
    }

    /// The object as the model stores it: properties the model no longer has
    /// left out, mapped ones converted, references written to the model's
    /// targets (by collection when it has several).
    fn convert(&self, mut object: RawObject) -> Result<RawObject> {
        object.properties.retain(|(name, _)| self.model.property(name).is_some());
        for (name, value) in &mut object.properties {
            if let (PropertyValue::Reference { multi_target, .. }, Some(property)) =
                (&mut *value, self.model.property(name))
            {
                *multi_target = matches!(&property.data_type, DataType::Reference(targets) if targets.len() > 1);
            }
            if let Some(conversion) = self.conversions.get(name) {
                let stored = std::mem::replace(value, PropertyValue::Null);
                *value = conversion(stored).map_err(|reason| Error::CopyFailed {
                    from: self.from.to_owned(),
                    to: self.to.to_owned(),
                    failed: vec![(object.id, format!("converting `{name}`: {reason}"))],
                })?;
            }
        }
        Ok(object)
    }

    async fn delete(&self, id: Uuid) -> Result<()> {
        let mut path = Path::new("objects").then(names::collection(self.to)?)?.then(&id.to_string())?;
        if !self.tenant.is_empty() {
            path = path.query("tenant", self.tenant);
        }
        let t = self.client.transports()?;
        t.rest.delete(&path, t.timeouts.insert).await.map(drop)
    }

    /// Every copied id is in `to`. Others may be there too: written to a
    /// version a resumed run takes up while the alias pointed to it.
    async fn verify(&self, copied: &HashMap<Uuid, i64>) -> Result<()> {
        let mut found = std::collections::HashSet::with_capacity(copied.len());
        let mut after = None;
        loop {
            let page = raw::page(self.client, self.to, self.tenant, &Shape::ids(), after, PAGE).await?;
            after = page.last().map(|o| o.id);
            let done = page.len() < PAGE as usize;
            found.extend(page.into_iter().map(|o| o.id).filter(|id| copied.contains_key(id)));
            if done {
                break;
            }
        }
        match copied.keys().find(|id| !found.contains(*id)) {
            Some(missing) => Err(self.mismatch(format!(
                "{missing} was copied but is not in `{}` ({} of {} found)",
                self.to,
                found.len(),
                copied.len()
            ))),
            None => Ok(()),
        }
    }

    fn mismatch(&self, message: String) -> Error {
        Error::UnexpectedResponse {
            operation: format!("verifying the copy of {} into {}", self.from, self.to),
            message,
        }
    }
}
