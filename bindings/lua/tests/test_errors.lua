-- Runtime failures: nil, message, err_table with code, name, path, line, column.
local sts = require "statefulset"
local H = require "helpers"

local three = [[
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: "three"
  serviceName: nginx
]]

H.case('replicas: "three" fails to load with path and position', function()
  local objs, msg, err = sts.load(three, { source = "three.yaml" })
  assert(objs == nil, "a wrongly typed field is an error")
  assert(type(msg) == "string" and type(err) == "table")
  assert(err.code == -4 and err.code == sts.codes.STS_ETYPE and err.name == "STS_ETYPE")
  assert(err.path == "spec.replicas", tostring(err.path))
  assert(err.line == 6 and err.column == 13, ("%s:%s"):format(err.line, err.column))
  assert(err.source == "three.yaml")
  assert(type(err.message) == "string" and #err.message > 0)
  assert(msg == err.text and tostring(err) == msg)
  assert(msg:find("three.yaml:6:13", 1, true), msg)
  assert(msg:find("spec.replicas", 1, true), msg)
  assert(#err.errors >= 1)
  assert(err.errors[1].path == "spec.replicas" and err.errors[1].line == 6)
end)

H.case("every error of the chain is reported", function()
  local two = three:gsub("serviceName: nginx", "serviceName: 7\n  minReadySeconds: soon")
  local objs, msg, err = sts.load(two)
  assert(objs == nil and msg)
  local paths = {}
  for _, e in ipairs(err.errors) do
    assert(e.code < 0 and e.name:match("^STS_E"))
    paths[#paths + 1] = e.path
  end
  assert(#err.errors == 3, #err.errors)
  assert(paths[1] == "spec.replicas" and paths[2] == "spec.serviceName"
         and paths[3] == "spec.minReadySeconds", table.concat(paths, ","))
  assert(err.errors[3].line == 8)
end)

H.case("a type error found by a getter after set()", function()
  local o = assert(sts.load((three:gsub("\"three\"", "3"))))[1]
  assert(o:set("spec.replicas", "three"))
  local v, msg, err = o:replicas()
  assert(v == nil and msg and err.name == "STS_ETYPE" and err.path == "spec.replicas", msg)
  -- built in code: no source position
  assert(err.line == nil and err.column == nil)
  local ok, msg2, err2 = o:check()
  assert(ok == nil and msg2 and err2.path == "spec.replicas")
  assert(o:set_replicas(3) and o:check() == true)
end)

H.case("YAML syntax error has line and column", function()
  local bad = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   bad: indent\n"
  local objs, msg, err = sts.load(bad, { source = "bad.yaml" })
  assert(objs == nil and msg)
  assert(err.name == "STS_EPARSE" and err.code == sts.codes.STS_EPARSE, err.name)
  -- kubectl: "error converting YAML to JSON: yaml: line 5: mapping values are
  -- not allowed in this context"; PyYAML (libyaml marks): line 5, column 7
  assert(err.line == 5, tostring(err.line))
  assert(err.column == 7, tostring(err.column))
  assert(err.source == "bad.yaml")
  assert(err.message:find("mapping values are not allowed", 1, true), err.message)
end)

H.case("JSON syntax error", function()
  local objs, msg, err = sts.load('{"kind": "Pod",\n "metadata": }', "json")
  assert(objs == nil and msg and err.name == "STS_EPARSE", msg)
  assert(err.line == 2, tostring(err.line))
end)

H.case("unknown format and missing file", function()
  local objs, msg, err = sts.load("a: b", "toml")
  assert(objs == nil and msg and err.name == "STS_ENOTFOUND")
  local o2, msg2, err2 = sts.load_file(H.path("no-such-file.yaml"))
  assert(o2 == nil and msg2:find("no-such-file", 1, true))
  assert(err2.name == "STS_EIO" and err2.code == sts.codes.STS_EIO)
  assert(err2.errors[1].name == "STS_EIO" and tostring(err2) == msg2)
end)

H.case("limits are options", function()
  local deep = string.rep("[", 50) .. string.rep("]", 50)
  local objs, msg, err = sts.load(deep, { format = "yaml", max_depth = 10 })
  assert(objs == nil and msg and err.name == "STS_ELIMIT", msg)
end)

H.case("documents that are not maps", function()
  local objs, msg, err = sts.load("- a\n- b\n")
  assert(objs == nil and msg and err.name == "STS_ETYPE", msg)
end)

H.case("argument errors raise", function()
  H.raises("string expected", sts.load, {})
  H.raises("unknown option 'sauce'", sts.load, "a: b", { sauce = "x" })
  H.raises("must be a non-negative integer", sts.load, "a: b", { max_depth = -1 })
  H.raises("table expected", sts.dump, "x")
  H.raises("statefulset.Object expected", sts.dump, { {} })
  H.raises("string expected", sts.load_file, 42)
end)

H.done()
