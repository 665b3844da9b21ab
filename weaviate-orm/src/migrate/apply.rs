//! Running migrations: [`Migrator`] plans against the server, refuses what
//! the policy forbids, then applies the safe steps, re-planning whenever
//! another process changed the collection in between.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Duration;

use reqwest::Method;
use serde_json::Value;

use super::reindex::{self, Conversion, Reindexed};
use super::targets;
use crate::client::WeaviateClient;
use crate::client::rest::Path;
use crate::model::WeaviateCollection;
use crate::model::registered_collections;
use crate::schema::diff::{Diff, Edit, Key, diff};
use crate::schema::{Change, CollectionConfig, MigrationPlan, Policy};
use crate::value::PropertyValue;
use crate::{Error, Result, names};

/// How many times one collection is re-planned when concurrent writers keep
/// changing it, before the last error is returned.
const ATTEMPTS: usize = 6;

/// Migrates a set of models; get it with [`WeaviateClient::migrator`].
///
/// Collections are migrated in the order they were added; a reference to a
/// collection added later waits until that collection exists.
///
/// ```no_run
/// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Author { name: String }
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
/// use weaviate_orm::migrate::Policy;
///
/// let migrator = client.migrator().collection::<Author>().collection::<Article>().policy(Policy::Strict);
/// for plan in migrator.plan().await? {
///     println!("{plan}"); // a dry run: nothing is written
/// }
/// let report = migrator.run().await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
#[must_use = "a migrator does nothing until `run` or `plan` is awaited"]
pub struct Migrator {
    client: WeaviateClient,
    policy: Policy,
    configs: Vec<CollectionConfig>,
    invalid: Option<String>,
    conversions: Conversions,
    lock_timeout: Duration,
}

/// The conversions of a reindex, by property.
#[derive(Clone, Default)]
struct Conversions(HashMap<String, Conversion>);

impl std::fmt::Debug for Conversions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

/// What a migration did.
///
/// ```no_run
/// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
/// # #[derive(WeaviateCollection)] struct Author { name: String }
/// # #[derive(WeaviateCollection)] struct Article { title: String }
/// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
/// let report = client.migrate::<Article>().await?;
/// if report.writes == 0 {
///     println!("the schema was up to date");
/// }
/// for plan in &report.plans {
///     println!("{plan}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MigrationReport {
    /// Each collection's plan as found before anything was applied.
    pub plans: Vec<MigrationPlan>,
    /// Collections deleted and recreated ([`Policy::DropAndRecreate`]).
    pub recreated: Vec<String>,
    /// Schema write requests sent; 0 when everything was up to date.
    pub writes: usize,
    /// Collections moved to a new version behind their alias ([`Policy::Reindex`]).
    pub reindexed: Vec<Reindexed>,
}

impl WeaviateClient {
    /// Creates or updates the collection of `T` with [`Policy::Safe`]; see
    /// [`crate::migrate`]. Call it at start-up, before using the collection.
    ///
    /// ```no_run
    /// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
    /// client.migrate::<Author>().await?;
    /// client.migrate::<Article>().await?;
    /// let articles = client.collection::<Article>();
    /// # Ok(()) }
    /// ```
    pub async fn migrate<T: WeaviateCollection>(&self) -> Result<MigrationReport> {
        self.migrator().collection::<T>().run().await
    }

    /// What [`migrate`](Self::migrate) would do for `T`, without writing.
    ///
    /// ```no_run
    /// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
    /// let plan = client.plan_migration::<Article>().await?;
    /// if !plan.is_up_to_date() {
    ///     println!("{plan}");
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn plan_migration<T: WeaviateCollection>(&self) -> Result<MigrationPlan> {
        let mut plans = self.migrator().collection::<T>().plan().await?;
        plans.pop().ok_or_else(|| Error::InvalidConfig("no plan for the collection".into()))
    }

    /// A migration of several models; see [`Migrator`].
    pub fn migrator(&self) -> Migrator {
        Migrator {
            client: self.clone(),
            policy: Policy::default(),
            configs: Vec::new(),
            invalid: None,
            conversions: Conversions::default(),
            lock_timeout: Duration::from_secs(60),
        }
    }
}

impl Migrator {
    /// Adds the collection of `T`.
    pub fn collection<T: WeaviateCollection>(self) -> Self {
        self.config(T::config())
    }

    /// Adds a collection by its configuration, e.g. a model's under
    /// another name. Two different configurations of one name make
    /// [`plan`](Self::plan) and [`run`](Self::run) fail with
    /// [`Error::InvalidConfig`].
    ///
    /// ```no_run
    /// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
    /// let mut config = Article::config();
    /// config.name = "ArticleArchive".into();
    /// client.migrator().collection::<Article>().config(config).run().await?;
    /// # Ok(()) }
    /// ```
    pub fn config(mut self, config: CollectionConfig) -> Self {
        match self.configs.iter().find(|c| c.name == config.name) {
            Some(known) if *known != config => {
                self.invalid = Some(format!("two models declare collection {} with different settings", config.name));
            }
            Some(_) => {}
            None => self.configs.push(config),
        }
        self
    }

    /// Adds every `#[derive(WeaviateCollection)]` model in the program
    /// (linked into it, in any crate).
    ///
    /// ```no_run
    /// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
    /// let report = client.migrator().registered().run().await?;
    /// println!("{} collections checked, {} schema writes", report.plans.len(), report.writes);
    /// # Ok(()) }
    /// ```
    pub fn registered(self) -> Self {
        registered_collections().iter().fold(self, |migrator, c| migrator.config(c.config()))
    }

    /// Sets the policy for breaking changes (default [`Policy::Safe`]); see
    /// [`Policy`] for an example.
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Under [`Policy::Reindex`], how long a process waiting for another's
    /// reindex of the same model lets that copy make no progress before it
    /// takes the work over (the other process died); default 60 s.
    pub fn lock_timeout(mut self, timeout: Duration) -> Self {
        self.lock_timeout = timeout;
        self
    }

    /// Under [`Policy::Reindex`], converts each stored value of `property`
    /// while it is copied (for a changed data type); an error stops the
    /// migration before the alias moves.
    ///
    /// ```no_run
    /// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Article { title: String, pages: f64 }
    /// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::migrate::Policy;
    /// use weaviate_orm::value::PropertyValue;
    ///
    /// // `pages` was an int, and is a number now.
    /// client
    ///     .migrator()
    ///     .collection::<Article>()
    ///     .policy(Policy::Reindex)
    ///     .convert("pages", |value| match value {
    ///         PropertyValue::Int(pages) => Ok(PropertyValue::Number(pages as f64)),
    ///         other => Ok(other),
    ///     })
    ///     .run()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn convert(
        mut self,
        property: &str,
        conversion: impl Fn(PropertyValue) -> std::result::Result<PropertyValue, String> + Send + Sync + 'static,
    ) -> Self {
        self.conversions.0.insert(property.to_owned(), Arc::new(conversion));
        self
    }

    /// A dry run: each collection's plan, in the order they were added.
    /// Only reads the schema. See [`Migrator`] for an example.
    pub async fn plan(&self) -> Result<Vec<MigrationPlan>> {
        self.check()?;
        let (server, mut aliases) = (self.server_classes().await?, self.aliases().await?);
        aliases.extend(self.stranded(&server, &aliases));
        Ok(self.plans(&server, &aliases).await?.0)
    }

    /// Each model's plan, and the model as planned: its references pointing
    /// at the collections behind aliases as they are once the run is done
    /// (a target it creates or reindexes included, which may make a
    /// referencing model's plan breaking in turn).
    async fn plans(
        &self,
        server: &[Value],
        aliases: &HashMap<String, String>,
    ) -> Result<(Vec<MigrationPlan>, Vec<CollectionConfig>)> {
        let mut behind = aliases.clone();
        if self.policy == Policy::Reindex {
            for config in self.configs.iter().filter(|c| !aliases.contains_key(&c.name)) {
                if find(server, &config.name).is_none() {
                    behind.insert(config.name.clone(), reindex::first_version(&config.name));
                }
            }
        }
        loop {
            let configs: Vec<CollectionConfig> = self.configs.iter().map(|c| targets::resolved(c, &behind)).collect();
            if let Some((config, (property, alias))) =
                self.configs.iter().find_map(|c| targets::multi_target_into_alias(c, &behind).map(|found| (c, found)))
            {
                return Err(Error::InvalidConfig(format!(
                    "`{}.{property}` references several collections, among them `{alias}`, which an alias serves: \
                     Weaviate resolves no alias in the beacons and filters of such a reference; \
                     reference `{alias}` on its own, or keep it a plain collection",
                    config.name
                )));
            }
            let mut plans = Vec::with_capacity(configs.len());
            for config in &configs {
                plans.push(self.plan_one(config, server, aliases).await?);
            }
            self.check_adoptions(server, aliases, &plans)?;
            let mut moved = false;
            for plan in &plans {
                if let Some(Change::Reindex { to, .. }) =
                    plan.changes.iter().find(|c| matches!(c, Change::Reindex { .. }))
                {
                    moved |= behind.insert(plan.collection.clone(), to.clone()).as_ref() != Some(to);
                }
            }
            // Each round moves an alias to its next version for good: at most one round per model.
            if !moved {
                return Ok((plans, configs));
            }
        }
    }

    /// Refuses to move a plain collection behind an alias (which deletes it)
    /// while a collection outside the migration references it: its
    /// references would lead nowhere.
    fn check_adoptions(
        &self,
        server: &[Value],
        aliases: &HashMap<String, String>,
        plans: &[MigrationPlan],
    ) -> Result<()> {
        let adopted = plans.iter().filter(|p| {
            !aliases.contains_key(&p.collection) && p.changes.iter().any(|c| matches!(c, Change::Reindex { .. }))
        });
        for plan in adopted {
            let outside = server
                .iter()
                .filter(|class| class_name(class).is_some_and(|n| self.configs.iter().all(|c| c.name != n)))
                .filter(|class| targets::references_to(class, &plan.collection));
            if let Some(class) = outside.filter_map(class_name).next() {
                return Err(Error::InvalidConfig(format!(
                    "moving `{}` behind an alias deletes it, and `{class}` references it: \
                     add the model of `{class}` to the migration, whose references then follow",
                    plan.collection
                )));
            }
        }
        Ok(())
    }

    /// Under [`Policy::Reindex`], the models whose name is neither an alias
    /// nor a collection while their first version exists (a move behind an
    /// alias stopped between the delete and the alias), with that version.
    fn stranded(&self, server: &[Value], aliases: &HashMap<String, String>) -> Vec<(String, String)> {
        if self.policy != Policy::Reindex {
            return Vec::new();
        }
        self.configs
            .iter()
            .map(|config| (config.name.clone(), reindex::first_version(&config.name)))
            .filter(|(name, first)| {
                !aliases.contains_key(name) && find(server, name).is_none() && find(server, first).is_some()
            })
            .collect()
    }

    /// The alias targets, by alias.
    async fn aliases(&self) -> Result<HashMap<String, String>> {
        Ok(self.client.aliases().list().await?.into_iter().map(|a| (a.alias, a.collection)).collect())
    }

    /// The collection behind the model's name: the alias's target, or the
    /// collection of that name.
    fn target<'a>(config: &'a CollectionConfig, aliases: &'a HashMap<String, String>) -> &'a str {
        aliases.get(&config.name).map_or(config.name.as_str(), String::as_str)
    }

    /// The model's plan against the collection behind its name; under
    /// [`Policy::Reindex`] a breaking one ends with the reindex.
    async fn plan_one(
        &self,
        config: &CollectionConfig,
        server: &[Value],
        aliases: &HashMap<String, String>,
    ) -> Result<MigrationPlan> {
        let target = Self::target(config, aliases);
        let mut plan = diff(config, find(server, target)).plan;
        if self.policy == Policy::Reindex && plan.breaking().next().is_some() {
            let objects = reindex::count(&self.client, target).await?;
            let to = reindex::next_version(&config.name, target);
            plan.changes.push(Change::Reindex { from: target.to_owned(), to, objects });
        }
        Ok(plan)
    }

    /// Applies the plans. When any collection has a change the policy
    /// refuses, fails with [`Error::SchemaMismatch`] before writing anything.
    ///
    /// ```no_run
    /// # use weaviate_orm::{WeaviateClient, WeaviateCollection};
    /// # #[derive(WeaviateCollection)] struct Author { name: String }
    /// # #[derive(WeaviateCollection)] struct Article { title: String }
    /// # async fn demo(client: WeaviateClient) -> weaviate_orm::Result<()> {
    /// use weaviate_orm::Error;
    ///
    /// match client.migrator().registered().run().await {
    ///     Ok(report) => println!("{} schema writes", report.writes),
    ///     Err(Error::SchemaMismatch { plans, .. }) => {
    ///         for plan in plans {
    ///             eprintln!("cannot migrate {plan}");
    ///         }
    ///     }
    ///     Err(other) => return Err(other),
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn run(&self) -> Result<MigrationReport> {
        self.check()?;
        let (server, mut aliases) = (self.server_classes().await?, self.aliases().await?);
        for (alias, first) in self.stranded(&server, &aliases) {
            self.client.aliases().create(&alias, &first).await?;
            aliases.insert(alias, first);
        }
        let (plans, configs) = self.plans(&server, &aliases).await?;
        let mut report = MigrationReport { plans, ..MigrationReport::default() };
        let refused: Vec<MigrationPlan> =
            report.plans.iter().filter(|plan| plan.blockers(self.policy).next().is_some()).cloned().collect();
        if !refused.is_empty() {
            return Err(Error::SchemaMismatch { plans: refused, policy: self.policy });
        }
        self.adopt_all(&report.plans, &mut aliases).await?;
        // References to collections that do not exist yet wait for a second pass.
        let mut existing: BTreeSet<String> = server.iter().filter_map(class_name).map(str::to_owned).collect();
        let mut deferred = Vec::with_capacity(configs.len());
        // A reindexed model's new version references the new versions of its targets.
        for index in targets::referenced_first(&self.configs) {
            let config = &configs[index];
            let target = match self.reindex_step(config, &report.plans[index], &aliases).await? {
                Some(reindexed) => {
                    let to = reindexed.to.clone();
                    report.writes += 1;
                    report.reindexed.push(reindexed);
                    deferred.push(None);
                    existing.insert(config.name.clone());
                    existing.insert(to);
                    continue;
                }
                None if report.plans[index].changes.iter().any(|c| matches!(c, Change::Reindex { .. })) => {
                    // Another process reindexed it: migrate what its alias points to now.
                    let mut target = config.clone();
                    target.name = self.client.aliases().get(&config.name).await?.map_or(target.name, |a| a.collection);
                    target
                }
                None => self.versioned(config, &aliases, &server),
            };
            let seen = find(&server, &target.name).cloned();
            let pending = self.migrate_one(&target, Some(seen), &existing, &mut report).await?;
            existing.insert(config.name.clone());
            existing.insert(target.name.clone());
            deferred.push(pending.then_some(target));
        }
        for target in deferred.into_iter().flatten() {
            self.migrate_one(&target, None, &existing, &mut report).await?;
        }
        for config in &self.configs {
            self.serve_as_alias(config, &aliases, &mut report).await?;
        }
        Ok(report)
    }

    /// Moves the plain collections the plans reindex behind aliases of their
    /// names, each holding its reindex lock: all are copied into their first
    /// versions before any is deleted, since a copy reads its references,
    /// which need their targets. Records each new alias in `aliases`.
    async fn adopt_all(&self, plans: &[MigrationPlan], aliases: &mut HashMap<String, String>) -> Result<()> {
        let mut behind = aliases.clone();
        let mut held = Vec::new();
        let mut copied = Ok(());
        for index in targets::referenced_first(&self.configs) {
            let name = &self.configs[index].name;
            let Some((from, _)) = reindex_of(&plans[index]) else { continue };
            if aliases.contains_key(name) {
                continue;
            }
            // A waiting process watches the first version grow.
            let first = reindex::first_version(name);
            match reindex::acquire(&self.client, name, from, &first, self.lock_timeout).await? {
                reindex::Acquired::WaitedFor => continue,
                reindex::Acquired::Held => held.push(name.clone()),
            }
            // Another process may have moved it between the plan and the lock.
            if self.client.aliases().get(name).await?.is_some() {
                continue;
            }
            match reindex::adopt_copy(&self.client, name, &behind).await {
                Ok(first) => drop(behind.insert(name.clone(), first)),
                Err(error) => {
                    copied = Err(error);
                    break;
                }
            }
        }
        for name in &held {
            let finished = match (&copied, behind.get(name)) {
                (Ok(()), Some(first)) if !aliases.contains_key(name) => {
                    let finished = reindex::adopt_finish(&self.client, name, first).await;
                    aliases.insert(name.clone(), first.clone());
                    finished
                }
                _ => Ok(()),
            };
            reindex::release(&self.client, name).await?;
            finished?;
        }
        copied
    }

    /// Runs the plan's reindex, if it has one, holding the model's reindex
    /// lock; `Ok(None)` too when another process held it and did the work.
    async fn reindex_step(
        &self,
        config: &CollectionConfig,
        plan: &MigrationPlan,
        aliases: &HashMap<String, String>,
    ) -> Result<Option<Reindexed>> {
        let Some((_, to)) = reindex_of(plan) else { return Ok(None) };
        // A plain collection another process moved behind an alias meanwhile.
        let Some(from) = aliases.get(&config.name) else { return Ok(None) };
        match reindex::acquire(&self.client, &config.name, from, to, self.lock_timeout).await? {
            reindex::Acquired::WaitedFor => return Ok(None),
            reindex::Acquired::Held => {}
        }
        // Another process may have moved the alias between this plan and the lock.
        let now = self.client.aliases().get(&config.name).await?.map(|a| a.collection);
        let result = if now.as_ref() == Some(from) {
            reindex::reindex(&self.client, config, from, to, &self.conversions.0).await.map(Some)
        } else {
            Ok(None)
        };
        reindex::release(&self.client, &config.name).await?;
        result
    }

    /// The model as the collection it migrates: under the alias's target's
    /// name when its name is an alias; under [`Policy::Reindex`] a new model
    /// is created as its first version.
    fn versioned(
        &self,
        config: &CollectionConfig,
        aliases: &HashMap<String, String>,
        server: &[Value],
    ) -> CollectionConfig {
        let mut target = config.clone();
        if let Some(collection) = aliases.get(&config.name) {
            target.name = collection.clone();
        } else if self.policy == Policy::Reindex && find(server, &config.name).is_none() {
            target.name = reindex::first_version(&config.name);
        }
        target
    }

    /// Under [`Policy::Reindex`], a model created as its first version is
    /// served by an alias of its name.
    async fn serve_as_alias(
        &self,
        config: &CollectionConfig,
        aliases: &HashMap<String, String>,
        report: &mut MigrationReport,
    ) -> Result<()> {
        let created = self.policy == Policy::Reindex
            && !aliases.contains_key(&config.name)
            && report
                .plans
                .iter()
                .any(|p| p.collection == config.name && p.changes.contains(&Change::CreateCollection));
        if created {
            self.client.aliases().create(&config.name, &reindex::first_version(&config.name)).await?;
            report.writes += 1;
        }
        Ok(())
    }

    fn check(&self) -> Result<()> {
        match &self.invalid {
            Some(message) => Err(Error::InvalidConfig(message.clone())),
            None => Ok(()),
        }
    }

    async fn server_classes(&self) -> Result<Vec<Value>> {
        self.client.collections().list_json().await
    }

    /// Brings one collection up to date, re-planning after each write. Returns
    /// whether references to collections missing from `existing` were left out.
    /// `seen` is the class as already read (`Some(None)`: known to be
    /// absent), which saves the first read.
    async fn migrate_one(
        &self,
        config: &CollectionConfig,
        mut seen: Option<Option<Value>>,
        existing: &BTreeSet<String>,
        report: &mut MigrationReport,
    ) -> Result<bool> {
        let deferrable = |property: &Value| references_missing(property, &config.name, existing);
        let mut last_error = None;
        let mut pending = None;
        for _ in 0..ATTEMPTS {
            let server = match seen.take() {
                Some(server) => server,
                None => self.client.collections().config_if_exists(&config.name).await?,
            };
            let Diff { plan, new_properties, edits } = diff(config, server.as_ref());
            if plan.blockers(self.policy).next().is_some() {
                return Err(Error::SchemaMismatch { plans: vec![plan], policy: self.policy });
            }
            // A breaking change found only now (the schema changed since the
            // plan) is the reindex's to apply, never skipped.
            if self.policy == Policy::Reindex && plan.breaking().next().is_some() {
                return Err(Error::SchemaMismatch { plans: vec![plan], policy: Policy::Safe });
            }
            if self.policy == Policy::DropAndRecreate && plan.breaking().next().is_some() {
                tracing::warn!(collection = %config.name, "dropping and recreating:\n{plan}");
                self.client.collections().delete(&config.name).await?;
                report.writes += 1;
                report.recreated.push(config.name.clone());
                continue;
            }
            let result = if plan.changes.contains(&Change::CreateCollection) {
                self.create(config, &deferrable, report).await.map(Some)
            } else if !new_properties.is_empty() {
                self.add_properties(&config.name, &new_properties, &deferrable, report).await
            } else if !edits.is_empty() {
                let server = server.unwrap_or_default();
                self.update(&config.name, server, &edits, report).await.map(|()| None)
            } else {
                return Ok(false);
            };
            pending = Some(plan);
            match result {
                // Everything left waits for collections that do not exist yet.
                Ok(Some(true)) => return Ok(true),
                Ok(_) => {}
                // Another process may have written first: look again.
                Err(error @ (Error::UnexpectedStatus { .. } | Error::Grpc { .. })) => last_error = Some(error),
                Err(error) => return Err(error),
            }
        }
        Err(last_error.unwrap_or_else(|| Error::UnexpectedResponse {
            operation: format!("migrating {}", config.name),
            message: format!(
                "the schema kept changing while it was being migrated; still pending:\n{}",
                pending.map(|plan| plan.to_string()).unwrap_or_default()
            ),
        }))
    }

    /// Creates the collection, without the references that cannot be made
    /// yet. Returns whether some were left out.
    async fn create(
        &self,
        config: &CollectionConfig,
        deferrable: &(dyn Fn(&Value) -> bool + Sync),
        report: &mut MigrationReport,
    ) -> Result<bool> {
        config.check_names()?;
        let mut json = config.to_json();
        let mut deferred = false;
        if let Some(Value::Array(properties)) = json.get_mut("properties") {
            let before = properties.len();
            properties.retain(|p| !deferrable(p));
            deferred = properties.len() != before;
        }
        let t = self.client.transports()?;
        t.rest.send_json(Method::POST, &Path::new("schema"), &json, t.timeouts.insert).await?;
        report.writes += 1;
        Ok(deferred)
    }

    /// Adds properties one by one. `Some(true)` when only deferrable ones were left.
    async fn add_properties(
        &self,
        collection: &str,
        properties: &[Value],
        deferrable: &(dyn Fn(&Value) -> bool + Sync),
        report: &mut MigrationReport,
    ) -> Result<Option<bool>> {
        let t = self.client.transports()?;
        let path = Path::new("schema").then(names::collection(collection)?)?.and("properties");
        let mut added = false;
        for property in properties.iter().filter(|p| !deferrable(p)) {
            t.rest.send_json(Method::POST, &path, property, t.timeouts.insert).await?;
            report.writes += 1;
            added = true;
        }
        Ok(Some(!added))
    }

    /// Sends the server's class back with the edits applied.
    async fn update(
        &self,
        collection: &str,
        mut class: Value,
        edits: &[Edit],
        report: &mut MigrationReport,
    ) -> Result<()> {
        for edit in edits {
            apply_edit(&mut class, edit);
        }
        let t = self.client.transports()?;
        t.rest
            .send_json(
                Method::PUT,
                &Path::new("schema").then(names::collection(collection)?)?,
                &class,
                t.timeouts.insert,
            )
            .await?;
        report.writes += 1;
        Ok(())
    }
}

fn class_name(class: &Value) -> Option<&str> {
    class.get("class").and_then(Value::as_str)
}

fn find<'a>(classes: &'a [Value], name: &str) -> Option<&'a Value> {
    classes.iter().find(|class| class_name(class) == Some(name))
}

/// Whether `property` references a collection that is neither `own` nor in `existing`.
fn references_missing(property: &Value, own: &str, existing: &BTreeSet<String>) -> bool {
    let types = property.get("dataType").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    // Reference data types are collection names, which start with a capital letter.
    types
        .iter()
        .filter_map(Value::as_str)
        .any(|t| t.starts_with(|c: char| c.is_ascii_uppercase()) && t != own && !existing.contains(t))
}

/// Applies one edit; pointers that lead nowhere are ignored.
fn apply_edit(root: &mut Value, edit: &Edit) {
    let (pointer, value) = match edit {
        Edit::Set(pointer, value) => (pointer, Some(value)),
        Edit::Remove(pointer) => (pointer, None),
    };
    let Some((Key::Field(last), parents)) = pointer.split_last() else { return };
    let Some(parent) = parents.iter().try_fold(root, step).and_then(object) else { return };
    match value {
        Some(value) => parent.insert(last.clone(), value.clone()),
        None => parent.remove(last),
    };
}

/// The child of `node` at `key`; object keys are created when missing.
fn step<'a>(node: &'a mut Value, key: &Key) -> Option<&'a mut Value> {
    match key {
        Key::Field(name) => Some(object(node)?.entry(name.clone()).or_insert(Value::Null)),
        Key::Named(name) => node.as_array_mut()?.iter_mut().find(|element| element["name"] == name.as_str()),
    }
}

/// `node` as an object, turning `null` into an empty one.
fn object(node: &mut Value) -> Option<&mut serde_json::Map<String, Value>> {
    if node.is_null() {
        *node = Value::Object(serde_json::Map::new());
    }
    node.as_object_mut()
}

/// The versions a plan's reindex goes from and to, if it has one.
fn reindex_of(plan: &MigrationPlan) -> Option<(&str, &str)> {
    plan.changes.iter().find_map(|change| match change {
        Change::Reindex { from, to, .. } => Some((from.as_str(), to.as_str())),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn edits_reach_into_objects_and_named_array_elements() {
        let mut class = json!({
            "moduleConfig": {"generative-dummy": {}},
            "properties": [{"name": "title"}, {"name": "place", "nestedProperties": [{"name": "city"}]}],
        });
        let field = |name: &str| Key::Field(name.to_owned());
        let named = |name: &str| Key::Named(name.to_owned());
        for edit in [
            Edit::Set(vec![field("invertedIndexConfig"), field("bm25"), field("b")], json!(0.8)),
            Edit::Remove(vec![field("moduleConfig"), field("generative-dummy")]),
            Edit::Set(vec![field("moduleConfig"), field("generative-other")], json!({})),
            Edit::Set(
                vec![
                    field("properties"),
                    named("place"),
                    field("nestedProperties"),
                    named("city"),
                    field("description"),
                ],
                json!("Where."),
            ),
            Edit::Set(vec![field("properties"), named("missing"), field("description")], json!("ignored")),
        ] {
            apply_edit(&mut class, &edit);
        }
        assert_eq!(
            class,
            json!({
                "invertedIndexConfig": {"bm25": {"b": 0.8}},
                "moduleConfig": {"generative-other": {}},
                "properties": [{"name": "title"},
                               {"name": "place", "nestedProperties": [{"name": "city", "description": "Where."}]}],
            })
        );
    }

    #[test]
    fn references_to_missing_collections_are_found() {
        let existing = BTreeSet::from(["Author".to_owned()]);
        let reference = |target: &str| json!({"name": "r", "dataType": [target]});
        assert!(!references_missing(&reference("Author"), "Book", &existing));
        assert!(!references_missing(&reference("Book"), "Book", &existing));
        assert!(references_missing(&reference("Shelf"), "Book", &existing));
        assert!(!references_missing(&json!({"name": "t", "dataType": ["text"]}), "Book", &existing));
    }
}
