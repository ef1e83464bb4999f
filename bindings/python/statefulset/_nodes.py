"""Document nodes <-> plain Python values (dict, list, str, int, float, bool, None).

Both directions walk the tree with an explicit stack: a document may be
nested as deeply as the decoder's max_depth allows, deeper than Python's
recursion limit.
"""

import ctypes
from ctypes import c_double, c_int, c_int64, c_size_t, c_void_p

from . import _errors
from ._lib import (NODE_BOOL, NODE_FLOAT, NODE_INT, NODE_MAP, NODE_NULL, NODE_SEQ, NODE_STRING,
                   NodePtr, lib)

INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
INT32_MIN, INT32_MAX = -(2 ** 31), 2 ** 31 - 1
# Python values nested deeper than the decoder's default limit are refused
# (this also stops self-referencing dicts).
MAX_DEPTH = 256


def decode_str(ptr, length):
    """Bytes owned by the library -> str (copied)."""
    if not ptr:
        return ""
    return ctypes.string_at(ptr, length).decode("utf-8", "surrogateescape")


def encode_str(value):
    return value.encode("utf-8", "surrogateescape")


def _node_string(node):
    out, n = c_void_p(), c_size_t()
    lib.sts_node_get_string(out, n, node)
    return decode_str(out.value, n.value)


def _scalar(node, kind):
    if kind == NODE_STRING:
        return _node_string(node)
    if kind == NODE_INT:
        v = c_int64()
        lib.sts_node_get_int(v, node)
        return v.value
    if kind == NODE_BOOL:
        v = c_int()
        lib.sts_node_get_bool(v, node)
        return bool(v.value)
    if kind == NODE_FLOAT:
        v = c_double()
        lib.sts_node_get_float(v, node)
        return v.value
    return None


def to_python(node):
    """Copy the subtree at @node into plain Python values, keeping key order."""
    get_type = lib.sts_node_get_type
    kind = get_type(node)
    if kind != NODE_MAP and kind != NODE_SEQ:
        return _scalar(node, kind)
    # The loop is the hot path of to_dict(): C functions bound to locals.
    count, key_at, value_at = lib.sts_node_count, lib.sts_node_map_key_at, lib.sts_node_map_value_at
    seq_at, scalar, node_string = lib.sts_node_seq_at, _scalar, _node_string
    result = {} if kind == NODE_MAP else []
    stack = [(node, kind, result)]
    while stack:
        parent, pkind, container = stack.pop()
        is_map = pkind == NODE_MAP
        for i in range(count(parent)):
            child = value_at(parent, i) if is_map else seq_at(parent, i)
            ckind = get_type(child)
            if ckind == NODE_MAP or ckind == NODE_SEQ:
                value = {} if ckind == NODE_MAP else []
                stack.append((child, ckind, value))
            else:
                value = scalar(child, ckind)
            if is_map:
                container[node_string(key_at(parent, i))] = value
            else:
                container.append(value)
    return result


def _type_error(value, where):
    return _errors.FieldTypeError(
        "cannot store a Python %s in a document" % type(value).__name__,
        code=_errors.ETYPE, name="STS_ETYPE", path=where)


def check_int64(value, where=""):
    if not INT64_MIN <= value <= INT64_MAX:
        raise _errors.RangeError("%d is out of range for a 64-bit integer" % value,
                                 code=_errors.ERANGE, name="STS_ERANGE", path=where)
    return value


def check_int32(value, where=""):
    if isinstance(value, bool) or not isinstance(value, int):
        raise _errors.FieldTypeError("expected an integer, got %s" % type(value).__name__,
                                     code=_errors.ETYPE, name="STS_ETYPE", path=where)
    if not INT32_MIN <= value <= INT32_MAX:
        raise _errors.RangeError("%d is out of range for a 32-bit integer" % value,
                                 code=_errors.ERANGE, name="STS_ERANGE", path=where)
    return value


def _new_node(doc, value, where):
    """A new node of @doc for @value; containers come back empty."""
    out = NodePtr()
    if value is None:
        lib.sts_doc_new_null(out, doc)
    elif isinstance(value, bool):
        lib.sts_doc_new_bool(out, doc, int(value))
    elif isinstance(value, int):
        lib.sts_doc_new_int(out, doc, check_int64(value, where))
    elif isinstance(value, float):
        lib.sts_doc_new_float(out, doc, value)
    elif isinstance(value, str):
        data = encode_str(value)
        lib.sts_doc_new_string(out, doc, data, len(data))
    elif isinstance(value, dict):
        lib.sts_doc_new_map(out, doc)
    elif isinstance(value, (list, tuple)):
        lib.sts_doc_new_seq(out, doc)
    else:
        raise _type_error(value, where)
    return out


def from_python(doc, value, where=""):
    """Build nodes of @doc holding a copy of @value; returns the top node."""
    top = _new_node(doc, value, where)
    stack = [(top, value, 1)]
    while stack:
        node, pvalue, depth = stack.pop()
        if not isinstance(pvalue, (dict, list, tuple)):
            continue
        if depth > MAX_DEPTH:
            raise _errors.LimitError(
                "value nested deeper than %d levels (or self-referencing)" % MAX_DEPTH,
                code=_errors.ELIMIT, name="STS_ELIMIT", path=where)
        if isinstance(pvalue, dict):
            for key, item in pvalue.items():
                if not isinstance(key, str):
                    raise _errors.FieldTypeError(
                        "map keys must be strings, got %s" % type(key).__name__,
                        code=_errors.ETYPE, name="STS_ETYPE", path=where)
                knode = _new_node(doc, key, where)
                child = _new_node(doc, item, where)
                lib.sts_node_map_append(node, knode, child)
                stack.append((child, item, depth + 1))
        else:
            for item in pvalue:
                child = _new_node(doc, item, where)
                lib.sts_node_seq_append(node, child)
                stack.append((child, item, depth + 1))
    return top
