// The Chinese phrasebook of `clause explain`: legal-financial Chinese (排他性, 例外, 许可,
// 同意, 上限, 溢出), money in 亿 and 万 ("173 亿美元"), dates as "2032 年 12 月 31 日". Names,
// titles and descriptions stay as the contract writes them; words the contract coins
// (goods, statuses, streams) are translated when every part is a well-known word.
#include <array>

#include <fmt/format.h>

#include "cli/explain_phrasebook.hpp"

namespace clause::cli::explain_words {

namespace {

using engine::DeclKind;
using engine::PatternKind;
using engine::TierKind;

std::optional<std::string_view> translated(std::string_view part) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 27> kWords{{
      {"agi", "AGI"},        {"ai", "AI"},          {"api", "API"},         {"ip", "知识产权"},
      {"us", "美国"},        {"gpu", "GPU"},        {"azure", "Azure"},     {"aws", "AWS"},
      {"hosting", "托管"},   {"compute", "算力"},   {"training", "训练"},   {"non", "非"},
      {"app", "应用"},       {"board", "董事会"},   {"revenue", "收入"},    {"profit", "利润"},
      {"distributions", "分红"}, {"models", "模型"}, {"model", "模型"},     {"research", "研究"},
      {"technology", "技术"}, {"services", "服务"}, {"cloud", "云"},        {"chips", "芯片"},
      {"data", "数据"},      {"committee", "委员会"},  {"storage", "存储"}}};
  for (const auto& [from, to] : kWords) {
    if (from == part) return to;
  }
  return std::nullopt;
}

// The code point that starts or ends `s` is a Chinese character (not punctuation): a
// space goes between it and Latin letters or digits, as Chinese financial writing spaces
// "173 亿美元" and "API 托管".
bool is_han(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF); }

char32_t first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  const auto b = static_cast<unsigned char>(s[0]);
  if (b < 0x80) return b;
  if ((b & 0xF0) == 0xE0 && s.size() >= 3) {
    return ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[2]) & 0x3Fu);
  }
  return 0xFFFF;  // other multi-byte characters: neither Latin nor Han
}

char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return first_code_point(s.substr(i));
}

bool is_latin(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%' || c == ')' ||
         c == '.' || c == '\'' || c == '"' || c == '`';
}

// Pieces written one after the other, with a space wherever Latin meets Han.
std::string zh(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (const std::string_view p : pieces) {
    if (p.empty()) continue;
    const char32_t before = last_code_point(out);
    const char32_t after = first_code_point(p);
    if ((is_latin(before) && is_han(after)) || (is_han(before) && is_latin(after))) out.push_back(' ');
    out += p;
  }
  return out;
}

// "A、B 和 C" / "A、B 或 C" / "A、B、C".
std::string listed(const std::vector<std::string>& items, std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out = zh({out, i == 0 ? "" : i + 1 == items.size() ? last : "、", items[i]});
  }
  return out;
}

std::string quoted(std::string_view text) { return fmt::format("“{}”", text); }

class Chinese final : public Phrasebook {
 public:
  // 亿 is 100 million and 万 ten thousand: $17.3B is 173 亿美元, $1,234.56 stays exact.
  std::string money(dsl::Money amount) const override {
    const std::int64_t cents = amount.cents();
    const std::uint64_t m = cents < 0 ? static_cast<std::uint64_t>(-cents) : static_cast<std::uint64_t>(cents);
    std::string out = cents < 0 ? "-" : "";
    if (m % 100 != 0) {
      out += grouped(m / 100);
      out += fmt::format(".{:02} 美元", m % 100);
      return out;
    }
    const std::uint64_t dollars = m / 100;
    struct Scale { std::uint64_t unit; std::string_view name; int decimals; };
    for (const Scale s : {Scale{1'000'000'000'000, "万亿", 4}, Scale{100'000'000, "亿", 4}, Scale{10'000, "万", 2}}) {
      if (dollars < s.unit) continue;
      if (const auto digits = exact_decimal(dollars, s.unit, s.decimals)) {
        out += fmt::format("{} {}美元", *digits, s.name);
        return out;
      }
    }
    out += fmt::format("{} 美元", grouped(dollars));
    return out;
  }

  std::string date(dsl::Date d) const override { return fmt::format("{} 年 {} 月 {} 日", d.year(), d.month(), d.day()); }

  // Translated when every part is a known word or a party; otherwise as written.
  std::string word(const std::vector<WordPart>& parts, std::string_view as_written) const override {
    std::string out;
    for (const WordPart& p : parts) {
      const auto t = p.party ? std::optional<std::string_view>(p.text) : translated(p.text);
      if (!t) return std::string(as_written);
      out = zh({out, *t});
    }
    return out;
  }

  std::string actor(std::string_view party, const std::optional<std::string>& body) const override {
    if (!body) return std::string(party);
    return zh({party, "的", *body});
  }

  std::string and_list(const std::vector<std::string>& items) const override { return listed(items, "和"); }
  std::string or_list(const std::vector<std::string>& items) const override { return listed(items, "或"); }

  std::string reference(const DeclWords& d) const override {
    const std::string what = d.title.empty() ? fmt::format("`{}`", d.name) : quoted(d.title);
    switch (d.kind) {
      case DeclKind::licence: return zh({"对", what, "的许可"});
      case DeclKind::clause: return zh({"条款", what});
      case DeclKind::exception: return zh({"例外", what});
      case DeclKind::waterfall: return zh({what, "项下的分配"});
      default: return what;
    }
  }

  std::string event(const EventWords& e) const override {
    switch (e.kind) {
      case PatternKind::status_declared: return zh({"宣布实现", e.status});
      case PatternKind::status_verified: return zh({"实现", e.status, "的宣布经核实"});
      case PatternKind::actor_declares: return zh({e.actor, "宣布实现", e.status});
      case PatternKind::buys: return zh({e.actor, "向", e.vendor, "购买", e.good});
      case PatternKind::does: return zh({e.actor, "从事", quoted(e.text)});
    }
    return {};
  }

  std::string theme_title(std::string_view key) const override {
    if (key == "parties") return "当事方";
    if (key == "who-buys") return "采购：谁可以向谁购买什么";
    if (key == "who-uses") return "许可：谁可以使用什么";
    if (key == "who-does") return "行为：各方可以做与不得做的事";
    if (key == "who-decides") return "决定权：由谁决定";
    if (key == "what-ends") return "终止：什么会终止什么";
    if (key == "when") return "时间";
    if (key == "who-is-paid") return "分配：谁获得多少";
    if (key == "assumptions") return "假设";
    return std::string(key);
  }

  std::string title(std::string_view contract, const std::optional<std::string_view>& version) const override {
    if (!version) return std::string(contract);
    return fmt::format("{}（版本 {}）", contract, *version);
  }

  std::string effective(const std::string& date) const override { return zh({"本合同自", date, "起生效。"}); }

  std::string party(std::string_view name, std::string_view description,
                    const std::vector<std::string>& bodies) const override {
    std::string out = description.empty() ? zh({name, "：合同一方。"}) : fmt::format("{}：{}。", name, description);
    if (!bodies.empty()) out = zh({out, "下设", and_list(bodies), "。"});
    return out;
  }

  std::string assumption(std::string_view name, const std::string& value,
                         std::string_view description) const override {
    std::string out = zh({"假设：", name, "为", value});
    if (!description.empty()) out += fmt::format("（{}）", description);
    out += "。";
    return out;
  }

  std::string licence(const std::string& grantor, const std::string& grantee, std::string_view what, bool,
                      const Window& window) const override {
    return sentence(window, zh({grantor, "许可", grantee, "使用", quoted(what)}));
  }

  std::string exclusivity(const PurchaseWords& p, const Window& window) const override {
    return sentence(window, zh({p.buyer, "只能向", or_list(p.vendors), "购买", p.good, "（排他性）"}));
  }

  std::string prohibition(const PurchaseWords& p, const Window& window) const override {
    return sentence(window, zh({p.buyer, "不得向", vendor(p), "购买", p.good}));
  }

  std::string first_refusal(const PurchaseWords& p, const Window& window) const override {
    return sentence(window, zh({p.buyer, "购买", p.good, "须先向", vendor(p), "提出（优先购买权）：仅在", vendor(p),
                                "放弃的额度内，方可向他方购买"}));
  }

  std::string freedom(const PurchaseWords& p, const Window& window) const override {
    return sentence(window, zh({p.buyer, "可以向", vendor(p), "购买", p.good}));
  }

  std::string commitment(const PurchaseWords& p, const std::string& amount, const std::string& by,
                         const std::optional<std::string>& from, const Window& window) const override {
    std::string out = zh({"截至", by, "，", p.buyer, "须已向", vendor(p), "购买至少", amount, "的", p.good});
    if (from) out = zh({out, "（自", *from, "起计）"});
    out += "。";
    if (!window.ended_by.empty()) out = zh({out, "如", or_list(window.ended_by), "，该承诺提前终止。"});
    return out;
  }

  std::string deed(const std::string& actor, std::string_view text, bool forbidden,
                   const Window& window) const override {
    return sentence(window, zh({actor, forbidden ? "不得从事" : "可以从事", quoted(text)}));
  }

  std::string trigger(const std::string& event, const std::vector<std::string>& ends,
                      const Window& window) const override {
    return sentence(window, zh({"一旦", event, "，", and_list(ends), "即告终止"}));
  }

  std::string exception(const ExceptionWords& e) const override {
    std::string out = zh({"作为对", e.clause, "的例外，"});
    if (e.from && e.until) {
      out = zh({out, "在", *e.from, "至", *e.until, "期间，"});
    } else if (e.from) {
      out = zh({out, "自", *e.from, "起，"});
    } else if (e.until) {
      out = zh({out, "至", *e.until, "止，"});
    }
    if (!e.consents.empty()) out = zh({out, "经", and_list(e.consents), "同意，"});
    out = zh({out, e.purchase.buyer, "可以向", vendor(e.purchase), "购买", e.purchase.good});
    if (e.limit) out = zh({out, "，累计上限为", *e.limit});
    out += "。";
    return out;
  }

  std::string power(const std::string& holder, const std::string& status,
                    const std::optional<std::string>& verifier) const override {
    std::string out = zh({"只有", holder, "可以宣布实现", status});
    if (verifier) out = zh({out, "，但须经", *verifier, "核实"});
    out += "。";
    return out;
  }

  std::string waterfall(const std::string& party, const std::string& stream, std::string_view title,
                        const Window& window) const override {
    std::string main = zh({party, "的", stream, "按以下方式分配"});
    if (!title.empty()) main += fmt::format("（{}）", quoted(title));
    std::string out = sentence(window, main);
    out.resize(out.size() - std::string_view("。").size());
    out += "：";
    return out;
  }

  std::string tier(const TierWords& t) const override {
    std::string out;
    switch (t.kind) {
      case TierKind::first: out = zh({"首", t.amount}); break;
      case TierKind::next: out = zh({"其后", t.amount}); break;
      case TierKind::until_capped: out = "其后直至各方达到上限，"; break;
      case TierKind::rest: out = t.only ? "全部所得" : "其余部分"; break;
    }
    if (t.shares.size() == 1 && t.kind != TierKind::until_capped) {
      out = zh({out, t.only ? "归" : "全部归", t.shares.front().party});
    } else {
      std::vector<std::string> shares;
      for (const ShareWords& s : t.shares) {
        std::string share = zh({s.party, "分得", s.percent});
        if (s.cap) share = zh({share, "（上限", *s.cap, "）"});
        shares.push_back(std::move(share));
      }
      out = zh({out, "由", listed(shares, "、")});
    }
    if (t.kind == TierKind::until_capped) out = zh({out, "；达到上限一方的份额溢出归", t.overflow});
    if (t.name) out += fmt::format("（{}）", quoted(*t.name));
    out += "。";
    return out;
  }

 private:
  static std::string vendor(const PurchaseWords& p) { return p.vendors.empty() ? "任何一方" : p.vendors.front(); }

  // "至 2030 年 12 月 31 日止或直至实现 AGI 的宣布经核实（以先发生者为准），" + main +
  // "，即使在 AGI 之后亦然" + "。".
  std::string sentence(const Window& w, const std::string& main) const {
    std::string lead;
    if (w.from) lead = zh({"自", *w.from, "起"});
    if (w.until) lead = zh({lead, "至", *w.until, "止"});
    if (!w.ended_by.empty()) {
      lead = zh({lead, w.until ? "或直至" : "直至", or_list(w.ended_by)});
      if (w.until) lead += "（以先发生者为准）";
    }
    std::string out = lead.empty() ? main : zh({lead, "，", main});
    if (!w.outlives.empty()) out = zh({out, "，即使在", or_list(w.outlives), "之后亦然"});
    out += "。";
    return out;
  }
};

}  // namespace

const Phrasebook& chinese() {
  static const Chinese book;
  return book;
}

}  // namespace clause::cli::explain_words
