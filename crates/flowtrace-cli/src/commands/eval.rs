//! `flowtrace eval`: score predictions against a world's ground truth.

use anyhow::{Context, Result};
use flowtrace_eval::{evaluate, EvalOptions, Split, World};

use crate::args::EvalArgs;
use crate::{output, Outcome};

pub fn run(args: &EvalArgs) -> Result<Outcome> {
    let split: Split = args.split.parse()?;
    let world = if args.world.is_dir() {
        World::load(&args.world)?
    } else {
        World::from_transactions(&args.world)?
    };
    let predictions = world
        .read_predictions(&args.predictions)
        .with_context(|| format!("cannot read predictions {}", args.predictions.display()))?;
    let options = EvalOptions {
        threshold: args.threshold,
        split,
        instance_share: args.instance_share,
    };
    let report = evaluate(&world, &predictions, &options)?;
    let text = if args.json {
        format!("{}\n", report.to_json()?)
    } else {
        report.to_string()
    };
    output::print(&text)?;
    Ok(Outcome::default())
}
