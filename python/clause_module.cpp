// The native half of the Python module: libclause's API, answers as `--json` text with the
// diagnostics beside. python/clause/__init__.py makes them dicts with Decimal amounts and
// raises ContractError. Questions run without the GIL: a Contract is safe to share.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "clause/clause.hpp"

namespace py = pybind11;

namespace {

py::list diagnostics(const std::vector<clause::Diagnostic>& list) {
  py::list out;
  for (const clause::Diagnostic& d : list) {
    py::dict j;
    j["code"] = d.code;
    j["severity"] = d.severity;
    j["file"] = d.place.file;
    j["line"] = d.place.line ? py::object(py::int_(*d.place.line)) : py::object(py::none());
    j["column"] = d.place.column ? py::object(py::int_(*d.place.column)) : py::object(py::none());
    j["message"] = d.message;
    j["rendered"] = d.rendered;
    out.append(j);
  }
  return out;
}

// (JSON text or None, diagnostics): computed without the GIL, returned with it.
template <typename T, typename Ask>
py::tuple answered(Ask&& ask) {
  clause::Result<T> r;
  {
    py::gil_scoped_release free;
    r = ask();
  }
  return py::make_tuple(r ? py::object(py::str(r->json)) : py::object(py::none()), diagnostics(r.diagnostics));
}

}  // namespace

PYBIND11_MODULE(_clause, m) {
  m.doc() = "Clause's library API; use the package `clause`";

  py::class_<clause::Contract>(m, "Contract")
      .def_property_readonly("title", &clause::Contract::title)
      .def_property_readonly("file", &clause::Contract::file)
      .def_property_readonly("json", &clause::Contract::json)
      .def_property_readonly("warnings", [](const clause::Contract& c) { return diagnostics(c.warnings()); })
      .def("ask",
           [](const clause::Contract& c, const std::vector<std::string>& events, std::optional<std::string> on,
              const clause::Assumptions& set) {
             return answered<clause::Answer>([&]() { return c.ask(events, {std::move(on), set}); });
           })
      .def("payout",
           [](const clause::Contract& c, const std::string& profit, std::optional<std::string> waterfall,
              const clause::Assumptions& set) {
             return answered<clause::PayoutTable>([&]() { return c.payout(profit, {std::move(waterfall), set}); });
           })
      .def("schedule", [](const clause::Contract& c, std::optional<std::string> waterfall,
                          const clause::Assumptions& set) {
        return answered<clause::Schedule>([&]() { return c.schedule({std::move(waterfall), set}); });
      });

  // (Contract or None, diagnostics)
  const auto loaded = [](clause::Result<clause::Contract> r) {
    return py::make_tuple(r ? py::cast(*r) : py::object(py::none()), diagnostics(r.diagnostics));
  };
  m.def("load", [loaded](const std::string& path, const clause::Assumptions& set) {
    clause::Result<clause::Contract> r;
    {
      py::gil_scoped_release free;
      r = clause::load_file(path, set);
    }
    return loaded(std::move(r));
  });
  m.def("loads", [loaded](const std::string& text, const std::string& name, const clause::Assumptions& set) {
    clause::Result<clause::Contract> r;
    {
      py::gil_scoped_release free;
      r = clause::load_text(text, name, set);
    }
    return loaded(std::move(r));
  });
  m.def("run", [](const std::string& path, std::optional<std::string> contract, const clause::Assumptions& set) {
    return answered<clause::ScenarioResult>([&]() { return clause::run_file(path, {std::move(contract), set}); });
  });
  m.def("diff", [](const clause::Contract& a, const clause::Contract& b, std::optional<std::string> scenarios,
                   std::optional<std::string> today) {
    return answered<clause::DiffResult>([&]() { return clause::diff(a, b, {std::move(scenarios), std::move(today)}); });
  });
  m.def("is_amount", [](const std::string& key, const std::string& value) { return clause::is_amount(key, value); });
}
