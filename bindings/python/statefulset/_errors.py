"""Exception classes: one per STS_E* status code, all under statefulset.Error.

Each class also derives from the built-in exception a Python caller would
expect for that situation (a wrong type is a TypeError, a missing field a
KeyError, ...), so ``except TypeError`` keeps working for code that does not
know this library.
"""

import collections

__all__ = [
    "Error", "OutOfMemoryError", "InvalidArgumentError", "ParseError",
    "FieldTypeError", "ValidationError", "NotFoundError", "UnsupportedError",
    "LimitError", "RangeError", "VersionError", "InputOutputError",
    "AlreadyExistsError", "error_class", "Problem",
]

# Status codes from include/statefulset/common.h (part of the ABI, never renumbered).
OK = 0
ENOMEM = -1
EINVAL = -2
EPARSE = -3
ETYPE = -4
EVALIDATION = -5
ENOTFOUND = -6
EUNSUPPORTED = -7
ELIMIT = -8
ERANGE = -9
EVERSION = -10
EIO = -11
EEXISTS = -12


class Error(Exception):
    """An error reported by libstatefulset.

    Attributes:
        code:    the negative STS_E* status code (``statefulset.ETYPE`` ...)
        name:    its symbolic name ("STS_ETYPE")
        message: the library's message
        path:    Kubernetes field path (``spec.replicas``), "" when none
        source:  source name (file name) or ""
        line, column: 1-based position in the input, ``None`` when unknown
        offset:  0-based byte offset, ``None`` when unknown
        errors:  the whole chain as a list of Error instances (this one
                 first); validation reports every problem at once
    """

    code = None

    def __init__(self, message="", *, code=None, name=None, path="", source="",
                 line=None, column=None, offset=None, text=None):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.name = name or ""
        self.message = message
        self.path = path
        self.source = source
        self.line = line
        self.column = column
        self.offset = offset
        # `text` is the library's own rendering (sts_error_format).
        self._text = text
        self.errors = [self]

    # True when the text already lists every error of the chain (the 422
    # rendering of StatefulSet.assert_valid), so str() adds no count.
    _lists_all = False

    def __str__(self):
        text = self._text if self._text is not None else self.message
        extra = len(self.errors) - 1
        if extra > 0 and not self._lists_all:
            text += " (and %d more error%s)" % (extra, "" if extra == 1 else "s")
        return text

    def __repr__(self):
        return "%s(%r, code=%s, path=%r, line=%r, column=%r)" % (
            type(self).__name__, self.message, self.code, self.path, self.line, self.column)


class OutOfMemoryError(Error, MemoryError):
    code = ENOMEM


class InvalidArgumentError(Error, ValueError):
    code = EINVAL


class ParseError(Error, ValueError):
    """Malformed input bytes (YAML/JSON syntax)."""
    code = EPARSE


class FieldTypeError(Error, TypeError):
    """A value has the wrong type for its field (``replicas: "three"``)."""
    code = ETYPE


class ValidationError(Error, ValueError):
    """The object breaks a rule. Raised by StatefulSet.assert_valid(), str()
    is the API server's 422 as kubectl prints it (``The StatefulSet "web" is
    invalid: ...``, without the final newline) and ``errors`` is the list of
    FieldError records, in the server's order."""
    code = EVALIDATION


class NotFoundError(Error, KeyError):
    code = ENOTFOUND


class UnsupportedError(Error, NotImplementedError):
    code = EUNSUPPORTED


class LimitError(Error):
    """A configured decoding limit (depth, aliases, size) was exceeded."""
    code = ELIMIT


class RangeError(Error, ValueError):
    """A number is out of range for its field (int32 fields, ...)."""
    code = ERANGE


class VersionError(Error):
    code = EVERSION


class InputOutputError(Error, OSError):
    code = EIO

    def __init__(self, message="", **kw):
        Error.__init__(self, message, **kw)

    def __str__(self):
        return Error.__str__(self)


class AlreadyExistsError(Error, ValueError):
    code = EEXISTS


_BY_CODE = {cls.code: cls for cls in (
    OutOfMemoryError, InvalidArgumentError, ParseError, FieldTypeError,
    ValidationError, NotFoundError, UnsupportedError, LimitError, RangeError,
    VersionError, InputOutputError, AlreadyExistsError)}


def error_class(code):
    """The exception class for a status code (``Error`` for unknown codes)."""
    return _BY_CODE.get(code, Error)


class Problem(collections.namedtuple("Problem", "message path code line column")):
    """A finding the library reports as data, not as a failure of the call:
    naming limits (StatefulSet.check_names), PVC name collisions, reasons DNS
    records are missing. ``code`` is the STS_E* code the library gave it
    (``ValidationError.code`` or ``NotFoundError.code``); ``path`` is the
    Kubernetes field path ("" when none); ``line``/``column`` are the
    1-based source position, ``None`` when unknown."""

    __slots__ = ()

    def __str__(self):
        return "%s: %s" % (self.path, self.message) if self.path else self.message

    def to_dict(self):
        """``{"message", "path"}`` as ``stsctl dns -o json`` prints problems."""
        return {"message": self.message, "path": self.path}
