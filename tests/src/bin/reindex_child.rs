//! A process that migrates the Jeopardy questions behind an alias to their
//! second model, for the reindex test to kill mid-copy:
//! `reindex_child <http port> <grpc port> <alias>`.

use weaviate_orm::ConnectionParams;
use weaviate_orm_tests::reindex_child::migrate_to_v2;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [http, grpc, alias] = args.as_slice() else {
        eprintln!("usage: reindex_child <http port> <grpc port> <alias>");
        return std::process::ExitCode::from(2);
    };
    let (Ok(http), Ok(grpc)) = (http.parse(), grpc.parse()) else {
        eprintln!("the ports are numbers");
        return std::process::ExitCode::from(2);
    };
    let result = match weaviate_orm::connect_to_custom(ConnectionParams::local_ports(http, grpc)).await {
        Ok(client) => migrate_to_v2(&client, alias).await.map(drop),
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("reindex_child: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
