"""CLI command `sidelined eval`: extraction scored against gold records, with an error listing."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from sidelined.errors import InputError, RecordVersionError
from sidelined.record import check_record

out = Console(highlight=False)


def _gold_and_texts(dirs: list[Path]) -> tuple[dict[str, dict], list[str]]:
    gold: dict[str, dict] = {}
    texts: list[str] = []
    for d in dirs:
        if not d.is_dir():
            raise typer.BadParameter(f"{d}: not a folder", param_hint="GOLD_DIR")
        for g in sorted(d.glob("*.gold.json")):
            aid = g.name.removesuffix(".gold.json")
            try:
                gold[aid] = check_record(json.loads(g.read_text(encoding="utf-8")))
            except (ValueError, RecordVersionError) as exc:
                raise typer.BadParameter(f"{g}: {exc}", param_hint="GOLD_DIR") from None
            texts.append(str(g.with_name(aid + ".txt")))
    if not gold:
        raise typer.BadParameter("no NAME.gold.json files in the given folders", param_hint="GOLD_DIR")
    return gold, texts


def evaluate_dirs(dirs: list[Path]) -> tuple[dict, list]:
    from sidelined.evaluation import evaluate
    from sidelined.ingest import read_inputs
    from sidelined.pipeline import extract_stream
    from sidelined.record import to_record

    gold, texts = _gold_and_texts(dirs)
    pred = {x.article.id: to_record(x, with_evidence=False)
            for x in extract_stream(read_inputs(texts)) if not isinstance(x, InputError)}
    ev = evaluate(gold, pred)
    return ev.figures(), ev.errors


def eval_command(
    gold_dirs: list[Path] = typer.Argument(..., help="Folders of NAME.txt with NAME.gold.json beside them."),
    as_json: bool = typer.Option(False, "--json", help="Figures and errors as one JSON object."),
    errors: bool = typer.Option(True, "--errors/--no-errors", help="List each disagreement with gold."),
) -> None:
    """Run extraction on gold-annotated articles and print the reference figures and every error."""
    figures, errs = evaluate_dirs(gold_dirs)
    if as_json:
        listing = [{"article": e.article, "what": e.what, "gold": e.gold, "predicted": e.predicted} for e in errs]
        out.print_json(json.dumps({**figures, "errors": listing if errors else []}))
        return
    for key, value in figures.items():
        out.print(f"{key}: {json.dumps(value)}")
    if errors and errs:
        table = Table("article", "what", "gold", "predicted", title="Disagreements with gold")
        for e in errs:
            table.add_row(e.article, e.what, str(e.gold), str(e.predicted))
        out.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("eval")(eval_command)
