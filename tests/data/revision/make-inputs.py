#!/usr/bin/env python3
"""Write the hostile StatefulSet inputs under oracle/ (raw bytes exactly).

Run once; the expected outputs next to them come from gen-expected.py, which
needs the Go reference in /work/shared/oracle/revhash (tests never need Go)."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "oracle")


def sts(name, template, extra=b""):
    """A StatefulSet document as bytes; template is raw JSON bytes."""
    return (b'{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"' + name.encode() +
            b'"' + extra + b'},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"x"}},'
            b'"serviceName":"x","template":' + template + b'}}\n')


CONTAINERS = b'"spec":{"containers":[{"name":"c","image":"nginx"}]}'

inputs = {}
inputs["html"] = sts("html", b'{"metadata":{"labels":{"app":"x"},"annotations":{"h":"<b>a&b</b> > 1","slash":"a/b\\/c","ls":"x\\u2028y\\u2029z"}},' + CONTAINERS + b'}')
inputs["unicode"] = sts("unicode", '{"metadata":{"annotations":{"e":"é日本😀","esc":"\\u00e9\\u65e5\\ud83d\\ude00","nbsp":"\u00a0","bom":"\ufeff","fffd":"\ufffd","max":"\U0010ffff"}},'.encode() + CONTAINERS + b'}')
inputs["control"] = sts("control", b'{"metadata":{"annotations":{"c":"\\u0000\\u0001\\u0007\\u000b\\u000e\\u001f","ws":"\\t\\n\\r","bf":"\\b\\f","del":"\x7f\\u007f","q":"\\"\\\\"}},' + CONTAINERS[0:0] + b'"spec":{"containers":[{"name":"c","image":"nginx","args":["a\\u0000b","\\u0008\\u000c"]}]}}')
inputs["invalid-utf8"] = sts("invalid-utf8", b'{"metadata":{"annotations":{"ff":"a\xffb","trunc":"a\xc3","cesu":"\xed\xa0\x80","big":"\xf4\x90\x80\x80","overlong":"\xc0\xaf","cont":"\x80\x80x","trunc4":"\xf0\x9f\x98"}},' + CONTAINERS + b'}')
inputs["surrogates"] = sts("surrogates", b'{"metadata":{"annotations":{"hi":"\\ud800","lo":"\\udc00","hix":"\\ud800x","pair":"\\ud83d\\ude00","rev":"\\ude00\\ud83d","hihi":"\\ud800\\ud800"}},' + CONTAINERS + b'}')
inputs["numbers"] = sts("numbers", b'{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i"}],'
    b'"n":[1e21,1e-7,1e-6,0.000001234,123456789012345678,9007199254740993,0.1,-0.0,1e20,999999999999999999999,'
    b'5e-324,1.7976931348623157e308,2.5e-8,100,1.0,1.5e300,-1e-300,12345678901234567890123,-9223372036854775808,'
    b'9223372036854775807,1E3,1e+2,0.30000000000000004,3.14159265358979323846,-12.5e-3,4294967296,2147483648,1e-5,0]}}')
inputs["empty"] = sts("empty", b'{"metadata":{"labels":{},"annotations":{}},"spec":{"containers":[],"volumes":[],"x":[[],[{}],{}],"y":{"z":{}}}}')
deep = b"[" * 150 + b'{"k":"v"}' + b"]" * 150
deepmap = b'{"a":' * 120 + b"1" + b"}" * 120
inputs["deep"] = sts("deep", b'{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"c","image":"i"}],"deep":' + deep + b',"deepmap":' + deepmap + b'}}')
inputs["keys"] = sts("keys", '{"metadata":{"labels":{"b":"1","a":"2","B":"3","é":"4","z":"5","aa":"6","<":"8","$":"9","\\u2028":"10","日本":"11","😀":"12","\uffff":"13","~":"14","A":"15","":"16","a\\"b":"17","\\u007f":"18","x\\ud800":"19"}},'.encode() + CONTAINERS + b'}')
inputs["patch-present"] = sts("patch-present", b'{"$patch":"merge","metadata":{"labels":{"app":"x"}},' + CONTAINERS + b'}')
inputs["no-metadata"] = sts("no-metadata", b'{' + CONTAINERS + b'}')
inputs["bools-nulls"] = sts("bools-nulls", b'{"metadata":{"creationTimestamp":null,"labels":{"app":"x"}},"spec":{"containers":[{"name":"c","image":"i","stdin":true,"tty":false,"command":null}],"hostNetwork":false,"x":[true,false,null]}}')
inputs["collision-3"] = sts("collision-3", b'{"metadata":{"labels":{"app":"x"}},' + CONTAINERS + b'}')[:-2] + b',"status":{"collisionCount":3}}\n'
long_name = "a" * 230
inputs["long-name"] = sts(long_name, b'{"metadata":{"labels":{"app":"x"}},' + CONTAINERS + b'}')

os.makedirs(OUT, exist_ok=True)
for name, data in inputs.items():
    with open(os.path.join(OUT, name + ".json"), "wb") as f:
        f.write(data)
with open(os.path.join(OUT, "LIST"), "w") as f:
    f.write("".join(n + "\n" for n in inputs))
