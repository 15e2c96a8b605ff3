// Shared by the fuzz targets: the flagship contract, every renderer run over a result
// into a string (a fuzz target never prints on its normal path), and the invariants
// that must hold for any input (money is conserved). A broken invariant aborts, so
// libFuzzer keeps the input that broke it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/payout/load.hpp"

namespace clause::fuzz {

// The input as text (libFuzzer hands over bytes).
std::string as_text(const std::uint8_t* data, std::size_t size);

// contracts/microsoft-openai/2024-06.clause, read and checked once.
const engine::LoadedContract& flagship();
std::string flagship_path();
// contracts/microsoft-openai/2025-10.clause: the version 2 flagship (a verifier, a
// commitment, freedoms, deeds and two streams), read and checked once.
const engine::LoadedContract& flagship_v2();

// Renders the diagnostics with and without colour, and checks every place in them is
// inside its source.
void render(const dsl::DiagnosticList& diagnostics);

// Applies the events in order (event i on dates[i]), renders the outcomes as text and JSON, and
// checks that every payout conserves money. Stops quietly at an event that would leave
// the money range (that is an error the commands report, not a crash).
void evaluate_and_render(const engine::Contract& contract, const std::vector<engine::Event>& events,
                         const std::vector<std::string>& outsiders, const std::vector<dsl::Date>& dates);

// Event texts that exercise a contract: every power declared by its holder and by
// another, every consent, purchases under every clause and exception (from the named
// vendor and from an outsider), every licence used, every waterfall's party earning
// small, odd and large profits, every deed a trigger waits for.
std::vector<std::string> probe_events(const engine::Contract& contract);

// Parses and resolves each text as an event against the contract (as `ask` does),
// rendering what goes wrong; returns the ones that resolved.
std::vector<engine::Event> parse_events(const engine::Contract& contract, const std::vector<std::string>& texts,
                                        engine::Outsiders& outsiders);

// Aborts (so libFuzzer reports the input) when `ok` is false.
void require(bool ok, const char* what);

}  // namespace clause::fuzz
