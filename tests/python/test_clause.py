"""The Python module: every function, bad input, Decimal money, and answers equal to the
command's --json. Run from the repository root with the built package on PYTHONPATH and
CLAUSE_BINARY naming the `clause` command (tests/CMakeLists.txt sets both)."""

import decimal
import fractions
import glob
import json
import os
import subprocess
import threading
import unittest

import clause

FLAGSHIP = "contracts/microsoft-openai/2024-06.clause"
OCTOBER = "contracts/microsoft-openai/2025-10.clause"


def command_json(*args):
    """`clause ARGS --json`, parsed with every amount a Decimal."""
    out = subprocess.run([os.environ["CLAUSE_BINARY"], *args, "--json"], capture_output=True, text=True,
                         env={**os.environ, "NO_COLOR": "1"})
    return json.loads(out.stdout, object_pairs_hook=clause._members)


def amounts(value):
    """Every amount below `value`."""
    if isinstance(value, dict):
        return [a for v in value.values() for a in amounts(v)]
    if isinstance(value, list):
        return [a for v in value for a in amounts(v)]
    return [value] if isinstance(value, (decimal.Decimal, fractions.Fraction)) else []


class Load(unittest.TestCase):
    def test_loads_checks_a_text_as_load_checks_its_file(self):
        with open(FLAGSHIP, encoding="utf-8") as f:
            from_text = clause.loads(f.read(), name=FLAGSHIP)
        from_file = clause.load(FLAGSHIP)
        self.assertEqual(from_text.title, from_file.title)
        self.assertEqual(from_text.file, FLAGSHIP)
        self.assertEqual(from_text.ask("agi is declared"), from_file.ask("agi is declared"))
        self.assertEqual(from_file.header["assumptions"]["microsoft_cap"], decimal.Decimal("130000000000.00"))
        self.assertIsInstance(from_file.warnings, list)


class Ask(unittest.TestCase):
    def test_ask_gives_the_outcomes_of_ask_json(self):
        c = clause.load(OCTOBER)
        outcomes = c.ask("agi is declared", "Panel verifies agi", on="2026-01-01")
        expected = command_json("ask", OCTOBER, "agi is declared", "Panel verifies agi", "--on", "2026-01-01")
        self.assertEqual(outcomes, [o for e in expected["events"] for o in e["outcomes"]])
        self.assertEqual(list(outcomes[0].keys())[:4], ["kind", "rule", "at", "because"])
        self.assertIn("verified", {o["kind"] for o in outcomes})

    def test_set_overrides_an_assumption_for_one_question(self):
        c = clause.load(FLAGSHIP)
        answer = c.answer("OpenAI earns $200B", set={"microsoft_cap": "100B"})
        self.assertEqual(answer["payouts"]["Microsoft"], decimal.Decimal("100000000000.00"))
        self.assertEqual(answer, command_json("ask", FLAGSHIP, "OpenAI earns $200B", "--set",
                                              "microsoft_cap=100B"))
        self.assertEqual(c.answer("OpenAI earns $200B")["payouts"]["Microsoft"],
                         decimal.Decimal("102402940000.00"))
        self.assertEqual(clause.load(FLAGSHIP, set={"microsoft_cap": decimal.Decimal("1E11")}).header["assumptions"]
                         ["microsoft_cap"], decimal.Decimal("100000000000.00"))

    def test_money_is_decimal_never_float(self):
        answer = clause.load(FLAGSHIP).answer("OpenAI earns $50B", "OpenAI buys compute from Oracle for $6B")
        found = amounts(answer)
        self.assertTrue(found)
        self.assertTrue(all(isinstance(a, decimal.Decimal) for a in found))
        self.assertNotIn(float, {type(v) for v in json.loads(json.dumps(answer, default=str)).values()})
        with self.assertRaises(TypeError):
            clause.load(FLAGSHIP).payout(5e10)


class Payouts(unittest.TestCase):
    def test_payout_is_payout_json_with_a_table(self):
        c = clause.load(FLAGSHIP)
        p = c.payout("50B")
        self.assertEqual(dict(p), command_json("payout", FLAGSHIP, "--profit", "50B"))
        self.assertEqual(p["profit"], decimal.Decimal("50000000000.00"))
        self.assertEqual(sum(p["parties"].values()) + p["undistributed"], p["profit"])
        self.assertEqual(c.payout(decimal.Decimal("50000000000")), p)
        self.assertEqual(c.payout(50_000_000_000), p)
        page = p._repr_html_()
        self.assertIn("<table>", page)
        self.assertIn("Microsoft", page)

    def test_schedule_is_schedule_json_with_a_table(self):
        s = clause.load(FLAGSHIP).schedule()
        self.assertEqual(dict(s), command_json("payout", FLAGSHIP, "--schedule"))
        for b in s["schedule"]["breakpoints"]:
            self.assertIsInstance(b["profit"], (decimal.Decimal, fractions.Fraction))
        self.assertIn("<table>", s._repr_html_())

    def test_exact_figures_with_a_fraction_of_a_cent_are_fractions(self):
        self.assertEqual(clause._amount("1.00+1/3"), fractions.Fraction(1) + fractions.Fraction(1, 300))
        self.assertEqual(clause._amount("-1.00+1/3"), -(fractions.Fraction(1) + fractions.Fraction(1, 300)))


class Scenarios(unittest.TestCase):
    def test_every_example_runs_as_run_json(self):
        files = sorted(glob.glob("examples/**/*.scenario", recursive=True))
        self.assertGreater(len(files), 10)
        for f in files:
            with self.subTest(scenario=f):
                self.assertEqual(clause.run(f), command_json("run", f))

    def test_diff_is_diff_json(self):
        old, new = clause.load(FLAGSHIP), clause.load("contracts/microsoft-openai/2025-01.clause")
        d = clause.diff(old, new, today="2026-01-01")
        self.assertFalse(d["same"])
        self.assertEqual(d, command_json("diff", FLAGSHIP, "contracts/microsoft-openai/2025-01.clause"))


class BadInput(unittest.TestCase):
    def test_a_contract_with_errors_raises_with_every_diagnostic(self):
        with self.assertRaises(clause.ContractError) as caught:
            clause.loads('contract "x"\nparty A\nclause c:\n  A must buy\n', name="bad.clause")
        d = caught.exception.diagnostics[0]
        self.assertEqual(d["file"], "bad.clause")
        self.assertEqual(d["severity"], "error")
        self.assertGreaterEqual(d["line"], 3)
        self.assertIsInstance(d["column"], int)
        self.assertTrue(d["message"])
        self.assertIn("bad.clause:", str(caught.exception))

    def test_a_missing_file_raises_without_a_line(self):
        with self.assertRaises(clause.ContractError) as caught:
            clause.load("no/such/file.clause")
        self.assertIsNone(caught.exception.diagnostics[0]["line"])

    def test_bad_questions_raise(self):
        c = clause.load(FLAGSHIP)
        for bad in (lambda: c.ask("OpenAI buys"), lambda: c.ask("agi is declared", on="2025-02-30"),
                    lambda: c.ask("agi is declared", set={"no_such_assumption": "1B"}),
                    lambda: c.payout("-5B"), lambda: c.payout("lots"), lambda: c.schedule(waterfall="none"),
                    lambda: clause.run(FLAGSHIP), lambda: clause.run("no/such.scenario")):
            with self.assertRaises(clause.ContractError):
                bad()


class Threads(unittest.TestCase):
    def test_one_contract_answers_threads_at_once(self):
        c = clause.load(FLAGSHIP)
        alone = c.ask("OpenAI earns $100B")
        results = []

        def ask():
            for _ in range(5):
                results.append(c.ask("OpenAI earns $100B") == alone)

        threads = [threading.Thread(target=ask) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [True] * 20)


if __name__ == "__main__":
    unittest.main()
