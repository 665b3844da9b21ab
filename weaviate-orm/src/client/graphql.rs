//! The raw GraphQL escape hatch, for what the typed API does not cover yet.

use reqwest::Method;
use serde_json::{Value, json};

use super::WeaviateClient;
use super::rest::Path;
use crate::{Error, Result};

impl WeaviateClient {
    /// Runs a GraphQL query (`POST /v1/graphql`) and returns its `data`;
    /// errors in the answer become [`Error::GraphQl`].
    ///
    /// ```no_run
    /// # async fn demo(client: weaviate_orm::WeaviateClient) -> weaviate_orm::Result<()> {
    /// let data = client.graphql_raw("{ Aggregate { Article { meta { count } } } }").await?;
    /// println!("{}", data["Aggregate"]["Article"][0]["meta"]["count"]);
    /// # Ok(()) }
    /// ```
    pub async fn graphql_raw(&self, query: &str) -> Result<Value> {
        let t = self.transports()?;
        let operation = "POST /v1/graphql";
        let response =
            t.rest.send_json(Method::POST, &Path::new("graphql"), &json!({ "query": query }), t.timeouts.query).await?;
        let mut answer: Value = response.json().await.map_err(|e| Error::UnexpectedResponse {
            operation: operation.into(),
            message: format!("the answer is not JSON: {e}"),
        })?;
        if let Some(errors) = answer.get("errors").and_then(Value::as_array).filter(|e| !e.is_empty()) {
            let messages = errors
                .iter()
                .map(|e| e.get("message").and_then(Value::as_str).map_or_else(|| e.to_string(), str::to_owned))
                .collect();
            return Err(Error::GraphQl { messages });
        }
        Ok(answer.get_mut("data").map(Value::take).unwrap_or(Value::Null))
    }
}
