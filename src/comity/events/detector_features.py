"""The features the sentence-level event detector reads: word n-grams and cheap cues of the parse.

Names of people, places and organisations are replaced by their kind ("<GPE>", "<PERSON>") so that the
detector learns the act, not the parties; numbers by "<NUM>". From the parse: the lemma of the root verb,
its dependents' lemmas by relation, every verb's lemma with its object's, prepositions after a verb,
negation, modal and tense cues. Pure functions of the spaCy sentence, no lexicon.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

NAMED = {"GPE": "<GPE>", "NORP": "<NORP>", "ORG": "<ORG>", "PERSON": "<PERSON>", "LOC": "<LOC>",
         "FAC": "<LOC>", "DATE": "<DATE>", "TIME": "<DATE>", "MONEY": "<MONEY>", "CARDINAL": "<NUM>",
         "PERCENT": "<NUM>", "QUANTITY": "<NUM>", "ORDINAL": "<NUM>"}
KEPT_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp", "prt", "attr", "acomp", "agent", "dative",
                       "nsubjpass", "advcl", "conj", "oprd"})
MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "can", "must"})
FUTURE_WORDS = frozenset({"plan", "intend", "vow", "pledge", "promise", "expect", "prepare", "threaten",
                          "aim", "seek", "agree", "offer", "propose", "consider", "hope", "want"})


def word(tok: Token) -> str:
    """The token as the detector reads it: its kind for a name or a number, else its lower-case lemma."""
    if tok.ent_type_ in NAMED:
        return NAMED[tok.ent_type_]
    if tok.like_num:
        return "<NUM>"
    return tok.lemma_.lower()


def _words(sent: Span) -> list[str]:
    out: list[str] = []
    for tok in sent:
        if tok.is_punct or tok.is_space:
            continue
        w = word(tok)
        if out and w == out[-1] and w.startswith("<"):
            continue  # "New York City" is one <GPE>
        out.append(w)
    return out


def _ngrams(words: list[str]) -> list[str]:
    feats = [f"w:{w}" for w in words]
    feats += [f"b:{a}_{b}" for a, b in pairwise(words)]
    return feats


def _verb_features(tok: Token) -> list[str]:
    lemma = tok.lemma_.lower()
    feats = [f"v:{lemma}"]
    for child in tok.children:
        if child.dep_ in KEPT_DEPS:
            feats.append(f"v:{lemma}>{child.dep_}:{word(child)}")
            if child.dep_ == "prep":
                feats += [f"v:{lemma}>{child.lower_}>{word(o)}" for o in child.children if o.dep_ == "pobj"]
        elif child.dep_ == "neg":
            feats.append(f"neg:{lemma}")
    return feats


def _root_features(root: Token) -> list[str]:
    feats = [f"r:{root.lemma_.lower()}", f"rpos:{root.pos_}", f"rtag:{root.tag_}"]
    for child in root.children:
        if child.dep_ in KEPT_DEPS or child.dep_ in ("nsubj", "aux", "auxpass", "neg"):
            feats.append(f"r>{child.dep_}:{word(child)}")
    return feats


def _modality_features(sent: Span) -> list[str]:
    feats = []
    for tok in sent:
        low = tok.lower_
        if tok.dep_ == "neg" or low in ("never", "no", "refuse", "deny"):
            feats.append("cue:neg")
        if low in MODALS and tok.tag_ == "MD":
            feats.append(f"cue:md:{low}")
        if tok.lemma_.lower() in FUTURE_WORDS and tok.pos_ == "VERB":
            feats.append("cue:intent")
        if low in ("if", "unless"):
            feats.append("cue:if")
        if tok.tag_ in ("VBD", "VBN") and tok.dep_ == "ROOT":
            feats.append("cue:past")
    return feats


def features(sent: Span) -> list[str]:
    """Every feature of one sentence (duplicates kept out, order fixed)."""
    feats = _ngrams(_words(sent))
    feats += _root_features(sent.root)
    for tok in sent:
        if tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "pobj")):
            feats += _verb_features(tok)
    feats += _modality_features(sent)
    feats.append("bias")
    return list(dict.fromkeys(feats))
