"""lexdef: compare how legal instruments define trafficking in persons.

Every finding is traced to the exact words of the law. The classes are the core crate's
nouns; see ``bindings/python/README.md`` and the example notebook.

>>> import lexdef
>>> corpus = lexdef.Corpus.bundled()
>>> corpus.model("INTL-PALERMO-2000").qualifiers["child_age"].value
18
"""

from lexdef._lexdef import (
    Comparison,
    Corpus,
    CorpusError,
    Definition,
    Definitions,
    Diagnostic,
    Diagnostics,
    Divergence,
    Divergences,
    Element,
    Evidence,
    Hit,
    Hits,
    Instrument,
    LexdefError,
    LexdefWarning,
    Lexicon,
    LexiconError,
    Matrix,
    ParseError,
    Provision,
    Provisions,
    Qualifier,
    Qualifiers,
    QueryError,
    Report,
    TermModel,
    TranslationCheck,
    TranslationFinding,
    TranslationFindings,
    TranslationPair,
    __version__,
    parse_text,
)

__all__ = [
    "Comparison",
    "Corpus",
    "CorpusError",
    "Definition",
    "Definitions",
    "Diagnostic",
    "Diagnostics",
    "Divergence",
    "Divergences",
    "Element",
    "Evidence",
    "Hit",
    "Hits",
    "Instrument",
    "LexdefError",
    "LexdefWarning",
    "Lexicon",
    "LexiconError",
    "Matrix",
    "ParseError",
    "Provision",
    "Provisions",
    "Qualifier",
    "Qualifiers",
    "QueryError",
    "Report",
    "TermModel",
    "TranslationCheck",
    "TranslationFinding",
    "TranslationFindings",
    "TranslationPair",
    "__version__",
    "parse_text",
]
