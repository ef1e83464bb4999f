"""Calling conventions shared by the identity, DNS and revision wrappers.

Nothing here knows Kubernetes: these helpers only move C results into
Python values (sized names, problem chains, temporary object lists).
"""

import contextlib
from ctypes import byref, create_string_buffer

from ._errors import Problem
from ._lib import IdentityOpts, ObjectListPtr, ObjectPtr, ErrorPtr, lib
from ._nodes import encode_str


def text(ptr):
    """A C string (bytes from a c_char_p result, or None) as str."""
    return ptr.decode("utf-8", "surrogateescape") if ptr else ""


def sized_string(fn, *args):
    """Call a function with snprintf semantics (out, size, *args): ask for
    the length with NULL, 0, then fill a buffer of that size. None when the
    function reports STS_ENOTFOUND (its prototype lets that code through)."""
    n = fn(None, 0, *args)
    if n < 0:
        return None
    buf = create_string_buffer(n + 1)
    fn(buf, n + 1, *args)
    return buf.raw[:n].decode("utf-8", "surrogateescape")


def optional_str(value, what):
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("%s must be a string, not %s" % (what, type(value).__name__))
    return encode_str(value)


def identity_opts(namespace=None, cluster_domain=None, revision=None, uid=None):
    """sts_identity_opts; None leaves a field to the library (the object's value or default)."""
    opts = IdentityOpts()
    lib.sts_identity_opts_init(byref(opts))
    # ctypes keeps the assigned bytes alive with the structure.
    opts.ns = optional_str(namespace, "namespace")
    opts.cluster_domain = optional_str(cluster_domain, "cluster_domain")
    opts.revision = optional_str(revision, "revision")
    opts.uid = optional_str(uid, "uid")
    return opts


def problems(chain):
    """Copy an sts_error chain (borrowed, may be NULL) into a list of Problem."""
    found = []
    e = ErrorPtr(chain.value) if chain else None
    while e:
        line, column = lib.sts_error_line(e), lib.sts_error_column(e)
        found.append(Problem(text(lib.sts_error_message(e)), text(lib.sts_error_path(e)),
                             lib.sts_error_code(e), line or None, column or None))
        e = lib.sts_error_next(e)
    return found


def collect_problems(fn, *args):
    """Run fn(problems_out, *args), a function that appends findings to an
    error chain and returns their number, and return them as Problems."""
    chain = ErrorPtr()
    try:
        fn(chain, *args)
        return problems(chain)
    finally:
        lib.sts_error_free(chain)


def check_object(value, cls, what):
    if not isinstance(value, cls):
        raise TypeError("%s must be a statefulset.%s, not %s"
                        % (what, cls.__name__, type(value).__name__))
    return value


@contextlib.contextmanager
def object_list(objects, object_cls):
    """A temporary sts_object_list holding copies of @objects.

    The C list owns what it holds, while the Python objects may belong to
    different loads, so the list gets clones; it is freed on leaving the
    block (the functions given it copy what they keep).
    """
    items = [check_object(o, object_cls, "each object") for o in objects]
    lst = ObjectListPtr()
    lib.sts_object_list_new(lst)
    try:
        for o in items:
            clone = ObjectPtr()
            lib.sts_object_clone(clone, o._p, ErrorPtr())
            lib.sts_object_list_take(lst, clone)  # takes the clone, also on failure
        yield lst
    finally:
        lib.sts_object_list_free(lst)
