//! Multi-tenancy for a SaaS: one collection, one tenant per customer. Each
//! tenant's data lives in its own shard: a handle scoped to a tenant reads
//! and writes only that tenant's objects, and a tenant that is not in use
//! can be deactivated (its shard unloaded) and activated again.
//!
//! Run with `cargo run --example multi_tenancy`.

use std::process::ExitCode;

use weaviate_orm::WeaviateCollection;
use weaviate_orm::embedded::EmbeddedOptions;
use weaviate_orm::tenants::{Tenant, TenantStatus};

/// A support ticket of one customer.
#[derive(WeaviateCollection, Debug, Clone)]
#[weaviate(multi_tenancy)]
struct Ticket {
    subject: String,
    priority: i64,
    open: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
    weaviate_orm_examples::exit_code(run().await)
}

async fn run() -> weaviate_orm::Result<()> {
    let client = weaviate_orm::connect_to_embedded(EmbeddedOptions::default()).await?;
    client.migrate::<Ticket>().await?;
    let tickets = client.collection::<Ticket>();

    // A tenant per customer.
    tickets.tenants().create(["acme", "globex", "initech"]).await?;
    let ticket = |subject: &str, priority, open| Ticket { subject: subject.into(), priority, open };
    let data = [
        ("acme", vec![ticket("Login fails", 1, true), ticket("Invoice missing", 2, false)]),
        ("globex", vec![ticket("Export is slow", 2, true)]),
        ("initech", vec![ticket("TPS report cover", 3, true), ticket("Stapler", 1, true), ticket("Printer", 2, false)]),
    ];
    for (customer, rows) in &data {
        // A handle scoped to one tenant: everything through it stays there.
        let theirs = tickets.with_tenant(*customer);
        let written = theirs.insert_many(rows).await?;
        println!("{customer}: {} tickets stored, {} refused", written.ids.len(), written.errors.len());
    }

    // Each customer sees only their own tickets.
    let f = Ticket::FIELDS;
    for customer in ["acme", "globex", "initech"] {
        let open = tickets.with_tenant(customer).query().filter(f.open.equal(true)).sort(f.priority.ascending());
        let subjects: Vec<String> = open.fetch().await?.into_iter().map(|t| t.properties.subject).collect();
        println!("{customer}'s open tickets: {}", subjects.join(", "));
    }

    // Without a tenant, the server refuses: data never mixes by accident.
    match tickets.query().fetch().await {
        Err(error) => println!("\nA query without a tenant is refused: {error}"),
        Ok(_) => println!("\nunexpected: a query without a tenant was answered"),
    }

    // A customer who is not using the product right now: unload their shard.
    tickets.tenants().update([Tenant::new("globex").with_status(TenantStatus::Inactive)]).await?;
    match tickets.with_tenant("globex").count().await {
        Err(error) => println!("\nglobex is inactive, its data unloaded; reads are refused: {error}"),
        Ok(count) => println!("\nunexpected: an inactive tenant answered ({count} tickets)"),
    }
    for tenant in tickets.tenants().list().await? {
        println!("  tenant {:<8} {:?}", tenant.name, tenant.status);
    }
    // They are back: activate, and their data is there.
    tickets.tenants().update([Tenant::new("globex")]).await?;
    println!("globex is active again with {} ticket(s).", tickets.with_tenant("globex").count().await?);

    // A customer who leaves: removing the tenant deletes their data, and only theirs.
    tickets.tenants().remove(["initech"]).await?;
    println!("initech removed; acme still has {} tickets.", tickets.with_tenant("acme").count().await?);
    client.close().await;
    Ok(())
}
