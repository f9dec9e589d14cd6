"""The parse, with two of spaCy's per-token steps done over whole arrays instead.

spaCy's attribute ruler runs its token patterns through the Matcher and sets each match's attributes
token by token, and its rule lemmatizer looks each token up in Python: together a sixth of the parse
of a news article, for what are table look-ups. :class:`ArrayRuler` reads the same patterns and
applies them to the Doc's attribute arrays (every condition read from the Doc as the tagger and
parser left it; a later rule overrides an earlier one, as in spaCy); :class:`ArrayLemmatizer` keeps
one lemma per (word, part of speech, morphology), computed by the pipeline's own lemmatizer the first
time and written back as one array. Both give the same Doc, attribute for attribute
(``benchmarks/components.py`` checks it over real articles). A pipeline whose steps cannot be done
this way (patterns on other attributes, a lemmatizer that is not rule-based, an attribute ruler
before the parser) is run as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

Step = Callable[[Doc], Doc]
_READ = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_WRITE = (TAG, POS, MORPH, LEMMA)  # attributes written by array; DEP is set token by token (rare)
_NEEDS_PARSE = ("tagger", "parser")
LIMIT = 200_000  # words remembered by each step before it starts again (memory stays bounded)


class _Test:
    """One token condition of a pattern: an attribute equal to, in or not in some values, or a regex."""

    def __init__(self, vocab, name: str, spec: Any) -> None:
        self.column, self.regex, self.negate = list(_READ).index(name), None, False
        self.values: frozenset[int] = frozenset()
        self.strings = vocab.strings
        self.found: dict[int, bool] = {}  # regex results by word
        if isinstance(spec, dict):
            (op, value), = spec.items()
            if op == "REGEX":
                self.regex = re.compile(value)
                return
            self.negate = op == "NOT_IN"
            values = list(value)
        else:
            values = [spec]
        if name == "IS_SPACE":
            self.values = frozenset(int(bool(v)) for v in values)
        else:
            self.values = frozenset(vocab.strings[v] if v else 0 for v in values)
        self.array = numpy.array(sorted(self.values), dtype=numpy.uint64)

    def holds(self, value: int) -> bool:
        if self.regex is None:
            return (value in self.values) != self.negate
        if value not in self.found:
            if len(self.found) > LIMIT:
                self.found.clear()
            self.found[value] = bool(value) and bool(self.regex.search(self.strings[value]))
        return self.found[value]

    def column_holds(self, table: numpy.ndarray) -> numpy.ndarray:
        column = table[:, self.column]
        if self.regex is None:
            found = numpy.isin(column, self.array)
            return ~found if self.negate else found
        return _each_distinct(column, self.holds)


class _Rule:
    """One attribute-ruler entry: its patterns (alternatives), the token it sets, the values."""

    def __init__(self, vocab, patterns: list[list[dict]], index: int, attrs: dict[int, int]) -> None:
        self.patterns = [[[_Test(vocab, k, v) for k, v in token.items()] for token in pattern]
                         for pattern in patterns]
        self.index = index
        self.attrs = attrs
        self.single = all(len(p) == 1 for p in self.patterns)

    def holds(self, row: tuple[int, ...]) -> bool:
        """True when a one-token rule matches a token with these (TAG, LOWER, DEP, IS_SPACE)."""
        return any(all(t.holds(row[t.column]) for t in p[0]) for p in self.patterns)

    def targets(self, table: numpy.ndarray) -> numpy.ndarray:
        """The positions of the tokens this rule sets."""
        n = len(table)
        hit = numpy.zeros(n, dtype=bool)
        for pattern in self.patterns:
            width = len(pattern)
            if width > n:
                continue
            match = numpy.ones(n - width + 1, dtype=bool)
            for offset, test in sorted(((o, t) for o, tests in enumerate(pattern) for t in tests),
                                       key=lambda pair: pair[1].regex is not None):
                if not match.any():
                    break
                match &= test.column_holds(table)[offset:offset + n - width + 1]
            index = self.index if self.index >= 0 else width + self.index
            hit[numpy.flatnonzero(match) + index] = True
        return hit


_SET = (TAG, POS, MORPH, LEMMA, DEP)


class ArrayRuler:
    """spaCy's attribute ruler over arrays: the same rules, the same result.

    What the one-token rules set on a token depends only on its tag, dependency, whether it is
    space, and its lower-case form when some pattern names that form or matches it with a regex:
    that is worked out once per such combination and kept (a few thousand at most); the rules over
    several tokens are matched over the arrays. For each attribute, the last rule that sets it wins."""

    def __init__(self, ruler) -> None:
        self.vocab = ruler.vocab
        self.rules = [_Rule(ruler.vocab, ruler.matcher.get(str(i))[1], ruler.indices[i], dict(attrs))
                      for i, attrs in enumerate(ruler.attrs)]
        self.named = frozenset(v for r in self.rules for p in r.patterns for tok in p for t in tok
                               if t.column == 1 for v in t.values)
        self.regexes = [t for r in self.rules for p in r.patterns for tok in p for t in tok
                        if t.column == 1 and t.regex is not None]
        self.lowers: dict[int, int] = {}
        self.keys: dict[tuple[int, int, int, int], int] = {}
        self.rank = numpy.zeros((0, len(_SET)), dtype=numpy.int64)
        self.value = numpy.zeros((0, len(_SET)), dtype=numpy.uint64)

    @staticmethod
    def fits(ruler) -> bool:
        """True when every pattern reads only TAG, LOWER, DEP and IS_SPACE and sets only TAG, POS,
        MORPH, LEMMA and DEP, with plain values, IN, NOT_IN or (on LOWER) REGEX."""
        for i, attrs in enumerate(ruler.attrs):
            if set(attrs) - set(_SET) or not ruler.matcher.get(str(i)):
                return False
            for pattern in ruler.matcher.get(str(i))[1]:
                for token in pattern:
                    for key, spec in token.items():
                        if key not in _READ or not _plain(key, spec):
                            return False
        return True

    def _key(self, key: tuple[int, int, int, int]) -> int:
        found = self.keys.get(key)
        if found is None:
            found = self.keys[key] = len(self.keys)
            rank = numpy.full((1, len(_SET)), -1, dtype=numpy.int64)
            value = numpy.zeros((1, len(_SET)), dtype=numpy.uint64)
            for number, rule in enumerate(self.rules):
                if rule.single and rule.holds(key):
                    for attr, setting in rule.attrs.items():
                        rank[0, _SET.index(attr)], value[0, _SET.index(attr)] = number, setting
            self.rank = numpy.vstack([self.rank, rank])
            self.value = numpy.vstack([self.value, value])
        return found

    def _lower(self, value: int) -> int:
        """The lower-case form as the one-token rules see it: itself when a rule names or matches it,
        else 0 (every other word behaves alike)."""
        if value not in self.lowers:
            if len(self.lowers) > LIMIT:
                self.lowers.clear()
            keep = value in self.named or any(t.holds(value) for t in self.regexes)
            self.lowers[value] = value if keep else 0
        return self.lowers[value]

    def _ids(self, table: numpy.ndarray) -> numpy.ndarray:
        """Each token's combination of (tag, lower-case form as the one-token rules see it, dependency,
        space), as a row number of the rules' outcomes."""
        key, lower = self._key, self._lower
        return numpy.fromiter((key((t, lower(w), d, s)) for t, w, d, s in table.tolist()),
                              dtype=numpy.int64, count=len(table))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        ids = self._ids(table)
        rank, value = self.rank[ids], self.value[ids]
        for number, rule in enumerate(self.rules):
            if rule.single:
                continue
            where = rule.targets(table)
            for attr, setting in rule.attrs.items():
                column = _SET.index(attr)
                later = where & (rank[:, column] < number)
                rank[later, column], value[later, column] = number, setting
        out = doc.to_array(list(_WRITE))
        for column in range(len(_WRITE)):
            setting = rank[:, column] >= 0
            out[setting, column] = value[setting, column]
        doc.from_array(list(_WRITE), out)
        for i in numpy.flatnonzero(rank[:, _SET.index(DEP)] >= 0).tolist():
            doc[i].dep = int(value[i, _SET.index(DEP)])
        return doc


def _each_distinct(column: numpy.ndarray, test: Callable[[int], bool]) -> numpy.ndarray:
    """``test`` of each value of ``column``, run once per distinct value."""
    values, inverse = numpy.unique(column, return_inverse=True)
    found = numpy.array([test(v) for v in values.tolist()], dtype=bool)
    return found[inverse.reshape(-1)] if len(values) else numpy.zeros(len(column), dtype=bool)


def _plain(key: str, spec: Any) -> bool:
    if not isinstance(spec, dict):
        return isinstance(spec, str | bool)
    if len(spec) != 1:
        return False
    (op, value), = spec.items()
    if op == "REGEX":
        return key == "LOWER" and isinstance(value, str)
    return op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value)


class ArrayLemmatizer:
    """A rule lemmatizer's lemmas, one per (word, part of speech, morphology), set as one array."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.known: dict[tuple[int, int, int], int] = {}
        tables = lemmatizer.lookups
        self.tables = [tables.get_table(name, {}) for name in ("lemma_index", "lemma_exc", "lemma_rules")]
        self.index: dict[str, frozenset[str]] = {}  # the index's words of each part of speech, as sets

    @staticmethod
    def fits(lemmatizer) -> bool:
        """A rule lemmatizer that keeps the lemmas set before it, with spaCy's own rule method."""
        from spacy.pipeline import Lemmatizer

        return getattr(lemmatizer, "mode", None) == "rule" and not getattr(lemmatizer, "overwrite", True) \
            and type(lemmatizer).rule_lemmatize is Lemmatizer.rule_lemmatize

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        known = self.known
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            if key not in known:
                if len(known) > LIMIT:
                    known.clear()
                    self.lemmatizer.cache.clear()
                known[key] = self.strings.add(self._lemma(doc[i]))
            lemmas[i] = known[key]
        doc.from_array([LEMMA], lemmas)
        return doc


    def _lemma(self, token) -> str:
        """spaCy's rule lemmatizer (``Lemmatizer.rule_lemmatize``, step for step), with its word lists
        as sets: a word seen for the first time costs a few look-ups, not a scan of each list."""
        string, pos = token.text, token.pos_.lower()
        if pos in ("", "eol", "space") or self.lemmatizer.is_base_form(token):
            return self.lemmatizer.lemmatize(token)[0]
        index_table, exc_table, rules_table = self.tables
        if not any((index_table.get(pos), exc_table.get(pos), rules_table.get(pos))):
            return string if pos == "propn" else string.lower()
        if pos not in self.index:
            self.index[pos] = frozenset(index_table.get(pos, {}))
        index, exceptions = self.index[pos], exc_table.get(pos, {})
        rules = rules_table.get(pos, {})
        lower = string.lower()
        forms: list[str] = []
        oov: list[str] = []
        for old, new in rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov or [string])[0]


def array_steps(nlp: Language) -> dict[str, Step]:
    """The pipeline's components that can run over arrays, by name, with their array version."""
    names = nlp.pipe_names
    steps: dict[str, Step] = {}
    for name, component in nlp.pipeline:
        parsed_first = all(p in names[:names.index(name)] for p in _NEEDS_PARSE)
        kind = type(component).__name__
        if kind == "AttributeRuler" and parsed_first and ArrayRuler.fits(component):
            steps[name] = ArrayRuler(component)
        elif kind.endswith("Lemmatizer") and ArrayLemmatizer.fits(component):
            steps[name] = ArrayLemmatizer(component)
    return steps


def parse(nlp: Language, texts: Iterable[str], steps: dict[str, Step], batch_size: int) -> Iterator[Doc]:
    """``nlp.pipe(texts)``, with the components named in ``steps`` run over arrays."""
    docs: Iterable[Doc] = (nlp.make_doc(text) for text in texts)
    for name, component in nlp.pipeline:
        if name in steps:
            docs = map(steps[name], docs)
        elif hasattr(component, "pipe"):
            docs = component.pipe(docs, batch_size=batch_size)
        else:
            docs = map(component, docs)
    return iter(docs)
