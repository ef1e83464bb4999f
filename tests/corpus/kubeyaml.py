"""YAML and JSON writers that print objects the way kubectl does.

`kubectl get -o yaml` marshals an object to JSON, reads that back into
generic maps with go-yaml v2 and prints them with go-yaml v2's emitter
(sigs.k8s.io/yaml). So the bytes follow go-yaml v2's rules:

* map keys sorted with go-yaml's "natural" order (letters after
  non-letters, runs of digits compared as numbers);
* block style, 2-space indentation, sequences inside mappings not indented;
* empty maps and lists in flow style: `{}` and `[]`;
* a string is plain unless it would read back as another type (then
  double-quoted) or plain is not allowed (then single-quoted, or
  double-quoted when single quotes cannot hold it);
* strings with a line break become `|` literal blocks when they can;
* plain, single- and double-quoted scalars are folded at a space once the
  line is longer than 80 columns.

`kubectl get -o json` is Go's encoding/json with 4-space indentation: keys
sorted by bytes, `<`, `>`, `&`, U+2028 and U+2029 escaped.

Only the value types Kubernetes objects use are supported: dict with str
keys, list, str, bool, int and None. Standard library only.
"""

import functools
import json
import re

BEST_WIDTH = 80
BEST_INDENT = 2


# ---- go-yaml v2: what would a plain scalar resolve to? --------------------

_BOOL_NULL = {
    "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
    "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
    "", "~", "null", "Null", "NULL",
    ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
    "-.inf", "-.Inf", "-.INF",
}
_YAML_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_BASE60 = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")
# strconv.ParseFloat on a string that starts with '.'
_DOT_FLOAT = re.compile(r"^\.[0-9]+([eE][-+]?[0-9]+)?$")


def _go_parse_int(s):
    """strconv.ParseInt(s, 0, 64) or ParseUint(s, 0, 64) succeeds."""
    sign = s[:1] if s[:1] in "+-" else ""
    body = s[len(sign):]
    low = body.lower()
    if low.startswith("0x"):
        digits, base = body[2:], 16
    elif low.startswith("0o"):
        digits, base = body[2:], 8
    elif low.startswith("0b"):
        digits, base = body[2:], 2
    elif body.startswith("0") and len(body) > 1:
        digits, base = body[1:], 8
    else:
        digits, base = body, 10
    try:
        if not digits or not digits.isascii() or not digits.isalnum():
            return False
        v = int(digits, base)
    except ValueError:
        return False
    if sign == "-":
        return v <= 2 ** 63
    if sign == "+":
        return v < 2 ** 63
    return v < 2 ** 64


def _valid_date(y, m, d):
    if not 1 <= m <= 12 or d < 1:
        return False
    mdays = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28,
             31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return d <= mdays[m - 1]


_TS = re.compile(
    r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
    r"(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?(?:Z|[-+][0-9]{2}:[0-9]{2}))"
    r"|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?))?$")


def _is_timestamp(s):
    m = _TS.match(s)
    if not m:
        return False
    if not _valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return False
    hms = m.group(4, 5, 6) if m.group(4) else m.group(7, 8, 9)
    if hms[0] is not None:
        h, mi, se = (int(x) for x in hms)
        if h > 23 or mi > 59 or se > 59:
            return False
    return True


def resolves_to_string(s):
    """True when go-yaml v2 reads the plain scalar `s` back as a string."""
    if s in _BOOL_NULL:
        return False
    c = s[:1]
    if c == ".":
        return not _DOT_FLOAT.match(s)
    if c and (c in "+-" or c.isdigit() and c.isascii()):
        if _is_timestamp(s):
            return False
        plain = s.replace("_", "")
        if _go_parse_int(plain):
            return False
        if _YAML_FLOAT.match(plain) and abs(float(plain)) != float("inf"):
            return False  # Go's ParseFloat fails on overflow: then it is a string
        if plain.startswith("0b") or plain.startswith("-0b"):
            digits = plain.split("0b", 1)[1]
            if digits and all(ch in "01" for ch in digits):
                return False
    return True


# ---- go-yaml v2 emitter: scalar analysis ----------------------------------

def _printable(ch):
    o = ord(ch)
    return (o == 0x0A or 0x20 <= o <= 0x7E or o == 0x85 or 0xA0 <= o <= 0xD7FF
            or (0xE000 <= o <= 0xFFFD and o != 0xFEFF))


_BREAKS = "\r\n\x85\u2028\u2029"


def analyze(value):
    """Which styles libyaml/go-yaml allow for `value` (block context)."""
    if value == "":
        return {"plain": True, "single": True, "block": False, "multiline": False}
    block_ind = flow_ind = False
    if value.startswith("---") or value.startswith("..."):
        block_ind = flow_ind = True
    leading_space = leading_break = trailing_space = trailing_break = False
    break_space = space_break = special = line_breaks = False
    prev_space = prev_break = False
    preceded_ws = True
    n = len(value)
    for i, ch in enumerate(value):
        followed_ws = i + 1 >= n or value[i + 1] in " \t" + _BREAKS
        if i == 0:
            if ch in "#,[]{}&*!|>'\"%@`":
                flow_ind = block_ind = True
            elif ch in "?:":
                flow_ind = True
                if followed_ws:
                    block_ind = True
            elif ch == "-" and followed_ws:
                flow_ind = block_ind = True
        else:
            if ch in ",?[]{}":
                flow_ind = True
            elif ch == ":":
                flow_ind = True
                if followed_ws:
                    block_ind = True
            elif ch == "#" and preceded_ws:
                flow_ind = block_ind = True
        if not _printable(ch):
            special = True
        if ch == " ":
            if i == 0:
                leading_space = True
            if i == n - 1:
                trailing_space = True
            if prev_break:
                break_space = True
            prev_space, prev_break = True, False
        elif ch in _BREAKS:
            line_breaks = True
            if i == 0:
                leading_break = True
            if i == n - 1:
                trailing_break = True
            if prev_space:
                space_break = True
            prev_space, prev_break = False, True
        else:
            prev_space = prev_break = False
        preceded_ws = ch in " \t" + _BREAKS
    plain = single = block = True
    if leading_space or leading_break or trailing_space or trailing_break:
        plain = False
    if trailing_space:
        block = False
    if break_space:
        plain = single = False
    if space_break or special:
        plain = single = block = False
    if line_breaks:
        plain = False
    if block_ind:
        plain = False
    return {"plain": plain, "single": single, "block": block, "multiline": line_breaks}


@functools.lru_cache(maxsize=65536)
def scalar_style(s, simple_key=False):
    """The style go-yaml v2 picks for the string `s`: plain, single, double, literal."""
    if "\n" in s:
        style = "literal"
    elif resolves_to_string(s) and not _BASE60.match(s):
        style = "plain"
    else:
        style = "double"
    a = analyze(s)
    if style == "plain":
        if not a["plain"] or (s == "" and simple_key):
            style = "single"
    if style == "single" and not a["single"]:
        style = "double"
    if style == "literal" and (not a["block"] or simple_key):
        style = "double"
    return style


# ---- go-yaml v2 map key order ----------------------------------------------

def _key_less(a, b):
    """go-yaml v2 keyList.Less for two strings."""
    for i in range(min(len(a), len(b))):
        ca, cb = a[i], b[i]
        if ca == cb:
            continue
        al, bl = ca.isalpha(), cb.isalpha()
        if al and bl:
            return ca < cb
        if al or bl:
            return bl
        an = bn = 0
        if ca == "0" or cb == "0":
            j = i - 1
            while j >= 0 and a[j].isdigit():
                if a[j] != "0":
                    an = bn = 1
                    break
                j -= 1
        ai = i
        while ai < len(a) and a[ai].isdigit():
            an = an * 10 + int(a[ai])
            ai += 1
        bi = i
        while bi < len(b) and b[bi].isdigit():
            bn = bn * 10 + int(b[bi])
            bi += 1
        if an != bn:
            return an < bn
        if ai != bi:
            return ai < bi
        return ca < cb
    return len(a) < len(b)


_KEY = functools.cmp_to_key(lambda x, y: -1 if _key_less(x, y) else (1 if _key_less(y, x) else 0))


@functools.lru_cache(maxsize=4096)
def _sorted_keys(keys):
    return tuple(sorted(keys, key=_KEY))


def sorted_keys(keys):
    return _sorted_keys(tuple(keys))


# ---- the emitter ------------------------------------------------------------

class _Writer:
    def __init__(self):
        self.out = []
        self.column = 0
        self.whitespace = True   # the last character written was whitespace
        self.indention = True    # only indentation on this line so far

    def put(self, s):
        self.out.append(s)
        self.column += len(s)

    def brk(self, ch="\n"):
        self.out.append(ch)
        self.column = 0

    def indent(self, indent):
        if not self.indention or self.column > indent or (
                self.column == indent and not self.whitespace):
            self.brk()
        if self.column < indent:
            self.put(" " * (indent - self.column))
        self.whitespace = True
        self.indention = True

    def indicator(self, s, need_ws, is_ws=False, is_indention=False):
        if need_ws and not self.whitespace:
            self.put(" ")
        self.put(s)
        self.whitespace = is_ws
        self.indention = self.indention and is_indention

    # scalar writers follow libyaml's yaml_emitter_write_*_scalar
    def plain(self, s, indent, allow_breaks):
        if not self.whitespace:
            self.put(" ")
        n = len(s)
        if self.column + n <= BEST_WIDTH + 1 or " " not in s:
            self.put(s)  # no space can sit beyond column 80: nothing to fold
            self.whitespace = False
            self.indention = False
            return
        spaces = False
        i = 0
        while i < n:
            ch = s[i]
            if ch == " ":
                if (allow_breaks and not spaces and self.column > BEST_WIDTH
                        and not (i + 1 < n and s[i + 1] == " ")):
                    self.indent(indent)
                else:
                    self.put(ch)
                spaces = True
            else:
                self.put(ch)
                spaces = False
            i += 1
        self.whitespace = False
        self.indention = False

    def single(self, s, indent, allow_breaks):
        self.indicator("'", True)
        spaces = breaks = False
        n = len(s)
        for i, ch in enumerate(s):
            if ch in _BREAKS:
                if not breaks and ch == "\n":
                    self.brk()
                self.brk(ch)
                self.indention = True
                breaks = True
                continue
            if breaks:
                self.indent(indent)
            breaks = False
            if ch == " ":
                if (allow_breaks and not spaces and self.column > BEST_WIDTH and 0 < i < n - 1
                        and s[i + 1] != " "):
                    self.indent(indent)
                else:
                    self.put(ch)
                spaces = True
            else:
                if ch == "'":
                    self.put("'")
                self.put(ch)
                self.indention = False
                spaces = False
        self.indicator("'", False)

    _ESC = {0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0A: "n", 0x0B: "v", 0x0C: "f",
            0x0D: "r", 0x1B: "e", 0x22: '"', 0x5C: "\\", 0x85: "N", 0xA0: "_",
            0x2028: "L", 0x2029: "P"}

    def double(self, s, indent, allow_breaks):
        self.indicator('"', True)
        spaces = False
        n = len(s)
        for i, ch in enumerate(s):
            o = ord(ch)
            if not _printable(ch) or o == 0xFEFF or ch in _BREAKS or ch in '"\\':
                self.put("\\")
                if o in self._ESC:
                    self.put(self._ESC[o])
                elif o <= 0xFF:
                    self.put("x%02X" % o)
                elif o <= 0xFFFF:
                    self.put("u%04X" % o)
                else:
                    self.put("U%08X" % o)
                spaces = False
            elif ch == " ":
                if allow_breaks and not spaces and self.column > BEST_WIDTH and 0 < i < n - 1:
                    self.indent(indent)
                    if s[i + 1] == " ":
                        self.put("\\")
                else:
                    self.put(ch)
                spaces = True
            else:
                self.put(ch)
                spaces = False
        self.indicator('"', False)

    def literal(self, s, indent):
        self.indicator("|", True)
        if s[:1] in " " + _BREAKS:
            self.indicator(str(BEST_INDENT), False)
        last = s[-1:]
        if last not in _BREAKS:
            chomp = "-"
        elif len(s) == 1 or s[-2] in _BREAKS:
            chomp = "+"
        else:
            chomp = ""
        if chomp:
            self.indicator(chomp, False)
        self.brk()
        self.indention = True
        self.whitespace = True
        breaks = True
        for ch in s:
            if ch in _BREAKS:
                self.brk(ch)
                self.indention = True
                breaks = True
            else:
                if breaks:
                    self.indent(indent)
                self.put(ch)
                self.indention = False
                breaks = False


def _scalar_text(v):
    if v is None:
        return "null", "plain"
    if v is True:
        return "true", "plain"
    if v is False:
        return "false", "plain"
    if isinstance(v, int):
        return str(v), "plain"
    if isinstance(v, str):
        return v, None
    raise TypeError("unsupported value %r" % (v,))


class _Emitter:
    def __init__(self):
        self.w = _Writer()

    def scalar(self, v, indent, simple_key=False):
        text, style = _scalar_text(v)
        if style is None:
            style = scalar_style(text, simple_key)
        w = self.w
        if style == "plain":
            w.plain(text, indent, not simple_key)
        elif style == "single":
            w.single(text, indent, not simple_key)
        elif style == "double":
            w.double(text, indent, not simple_key)
        else:
            w.literal(text, indent)

    def node(self, v, indent, in_mapping_value):
        """Emit v; `indent` is the indentation of the enclosing collection."""
        w = self.w
        if isinstance(v, dict):
            if not v:
                w.indicator("{}", True)
                return
            self.mapping(v, indent + BEST_INDENT if indent >= 0 else 0)
        elif isinstance(v, list):
            if not v:
                w.indicator("[]", True)
                return
            # go-yaml: a sequence that is a mapping value is not indented
            seq_indent = indent if in_mapping_value else indent + BEST_INDENT
            self.sequence(v, max(seq_indent, 0))
        else:
            self.scalar(v, indent + BEST_INDENT if indent >= 0 else 0)

    def mapping(self, m, indent):
        w = self.w
        for k in sorted_keys(list(m)):
            w.indent(indent)
            self.scalar(k, indent, simple_key=True)
            w.indicator(":", False)
            self.node(m[k], indent, True)

    def sequence(self, seq, indent):
        w = self.w
        for item in seq:
            w.indent(indent)
            w.indicator("-", True, False, True)
            self.node(item, indent, False)

    def text(self):
        return "".join(self.w.out) + "\n"


def to_yaml(obj):
    """One document as `kubectl get -o yaml` prints it (ends with a newline)."""
    e = _Emitter()
    e.node(obj, -1, False)
    return e.text()


# ---- JSON as kubectl prints it ----------------------------------------------

_JSON_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                            "\u2028": "\\u2028", "\u2029": "\\u2029"})


def to_json(obj, indent=4):
    """Go encoding/json MarshalIndent with `indent` spaces (0 = compact)."""
    if indent:
        s = json.dumps(obj, indent=indent, sort_keys=True, ensure_ascii=False)
    else:
        s = json.dumps(obj, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    return s.translate(_JSON_HTML)
