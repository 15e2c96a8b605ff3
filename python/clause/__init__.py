"""Clause, a contract-clause rule engine, as a Python module.

    import clause
    c = clause.load("contracts/microsoft-openai/2025-10.clause")
    c.ask("agi is declared", "Panel verifies agi", on="2026-01-01")   # a list of outcome dicts
    clause.load("contracts/microsoft-openai/2024-06.clause").payout("50B")  # a table in a notebook

Answers are the dicts `clause ... --json` writes, with every amount a decimal.Decimal
(a fractions.Fraction when an exact schedule figure has a fraction of a cent). Bad input
raises ContractError, which carries every diagnostic. docs/embedding.md says more.
"""

import datetime
import decimal
import fractions
import html
import json

from . import _clause

__all__ = ["ContractError", "Contract", "Payout", "Schedule", "load", "loads", "run", "diff"]


class ContractError(Exception):
    """What stopped a contract, a question or a scenario: `diagnostics` holds every problem,
    each a dict with code, severity, file, line, column (None when there is no text to point
    at), message and rendered (as `clause check` prints it)."""

    def __init__(self, diagnostics):
        self.diagnostics = diagnostics
        super().__init__("\n".join(_summary(d) for d in diagnostics))


def _summary(d):
    place = d["file"] if d["line"] is None else f"{d['file']}:{d['line']}:{d['column']}"
    return f"{place}: {d['severity']}[{d['code']}]: {d['message']}"


def _amount(text):
    whole, plus, fraction = text.partition("+")
    dollars = decimal.Decimal(whole)
    if not plus:
        return dollars
    numerator, _, denominator = fraction.partition("/")
    cents = fractions.Fraction(int(numerator), int(denominator))
    return fractions.Fraction(dollars) + (-cents if whole.startswith("-") else cents) / 100


def _members(pairs):
    return {k: _amount(v) if isinstance(v, str) and _clause.is_amount(k, v) else v for k, v in pairs}


def _parse(text):
    return json.loads(text, object_pairs_hook=_members)


def _unwrap(answer):
    text, diagnostics = answer
    if text is None:
        raise ContractError(diagnostics)
    return _parse(text)


def _word(value):
    """An amount, a percentage or a date as Clause reads it; floats are refused (not exact)."""
    if isinstance(value, float):
        raise TypeError("amounts are exact: pass a str, an int or a decimal.Decimal, not a float")
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _set(assumptions):
    return [(name, _word(value)) for name, value in (assumptions or {}).items()]


class Payout(dict):
    """What one profit pays (`clause payout --profit --json`): profit, parties, tiers,
    undistributed. A notebook shows it as a table of parties by tier."""

    def _repr_html_(self):
        tiers = self["tiers"]
        names = [t["name"] or f"tier {i + 1}" for i, t in enumerate(tiers)]
        head = "".join(f"<th>{html.escape(n)}</th>" for n in ["party", *names, "received"])
        rows = []
        for party, received in self["parties"].items():
            cells = [_money_cell(t["parties"].get(party, 0)) for t in tiers]
            rows.append(f"<tr><td>{html.escape(party)}</td>{''.join(cells)}{_money_cell(received)}</tr>")
        caption = f"waterfall {html.escape(self['waterfall'])}: a profit of ${self['profit']:,}"
        return f"<table><caption>{caption}</caption><tr>{head}</tr>{''.join(rows)}</table>"


class Schedule(dict):
    """Every breakpoint of a waterfall's payouts (`clause payout --schedule --json`): the
    schedule's parties, tiers and breakpoints. A notebook shows the breakpoints as a table."""

    def _repr_html_(self):
        schedule = self["schedule"]
        parties = schedule["parties"]
        head = "".join(f"<th>{html.escape(n)}</th>" for n in ["profit", *parties, "tier"])
        rows = []
        for b in schedule["breakpoints"]:
            cells = "".join(_money_cell(b["paid"][p]) for p in parties)
            rows.append(f"<tr>{_money_cell(b['profit'])}{cells}<td>{html.escape(b['tier'] or '')}</td></tr>")
        return f"<table><caption>waterfall {html.escape(self['waterfall'])}</caption><tr>{head}</tr>{''.join(rows)}</table>"


def _money_cell(amount):
    if isinstance(amount, fractions.Fraction):
        text = f"≈ ${float(amount):,.2f}"  # shown only; the value stays exact
    else:
        text = f"${amount:,}"
    return f'<td style="text-align:right">{text}</td>'


class Contract:
    """A checked contract, immutable; questions may be asked of it from many threads."""

    def __init__(self, native):
        self._native = native

    @property
    def title(self):
        return self._native.title

    @property
    def file(self):
        return self._native.file

    @property
    def warnings(self):
        """What `clause check` would warn about, as diagnostic dicts."""
        return self._native.warnings

    @property
    def header(self):
        """The contract's title, version, effective date, file and assumptions, as in `--json`."""
        return _parse(self._native.json)

    def answer(self, *events, on=None, set=None):
        """The whole answer as `clause ask --json` writes it: contract, events (each with its
        outcomes), payouts and warnings."""
        return _unwrap(self._native.ask(list(events), None if on is None else _word(on), _set(set)))

    def ask(self, *events, on=None, set=None):
        """What happens if these events happen, in order, on date `on` (the contract's
        effective date when None) with assumptions overridden by `set`: every event's
        outcomes in order, each a dict with the keys of `clause ask --json`."""
        return [o for e in self.answer(*events, on=on, set=set)["events"] for o in e["outcomes"]]

    def payout(self, profit, waterfall=None, set=None):
        """What one profit ("50B", 50_000_000_000, Decimal("1.50")) pays through a waterfall."""
        return Payout(_unwrap(self._native.payout(_word(profit), waterfall, _set(set))))

    def schedule(self, waterfall=None, set=None):
        """Every breakpoint of a waterfall's payouts, exact."""
        return Schedule(_unwrap(self._native.schedule(waterfall, _set(set))))

    def __repr__(self):
        return f"<clause.Contract {self.title!r} from {self.file}>"


def _loaded(answer):
    native, diagnostics = answer
    if native is None:
        raise ContractError(diagnostics)
    return Contract(native)


def load(path, set=None):
    """Reads and checks a contract file; `set` overrides assumptions ({"microsoft_cap": "100B"})."""
    return _loaded(_clause.load(str(path), _set(set)))


def loads(text, name="<text>", set=None):
    """Checks a contract's text; `name` stands for its file in diagnostics."""
    return _loaded(_clause.loads(text, name, _set(set)))


def run(path, contract=None, set=None):
    """Runs a scenario file: the dict `clause run --json` writes (events, payouts, expectations)."""
    return _unwrap(_clause.run(str(path), None if contract is None else str(contract), _set(set)))


def diff(old, new, scenarios=None, today=None):
    """What changed from contract `old` to `new`: the dict `clause diff --json` writes."""
    return _unwrap(_clause.diff(old._native, new._native, None if scenarios is None else str(scenarios),
                                None if today is None else _word(today)))
