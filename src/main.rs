use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    limber::cli::run(limber::cli::Cli::parse())
}
