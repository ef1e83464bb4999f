-- Loading: strings, files, formats, multi-document streams, kind: List, dumping.
local sts = require "statefulset"
local H = require "helpers"

H.case("module shape", function()
  assert(type(sts.load) == "function" and type(sts.load_file) == "function")
  assert(sts.version:match("^%d+%.%d+%.%d+$"), sts.version)
  assert(math.type(sts.version_number) == "integer")
  assert(sts.codes.STS_ETYPE == -4 and sts.codes[-4] == "STS_ETYPE")
  assert(sts.status_name(-3) == "STS_EPARSE")
  assert(type(sts.strerror(-1)) == "string")
end)

H.case("tutorial fixture: Service and StatefulSet", function()
  local objs = H.load("web.yaml")
  assert(#objs == 2)
  local svc, set = objs[1], objs[2]
  assert(svc.kind == "Service" and svc.name == "nginx" and svc.namespace == "")
  assert(svc.api_version == "v1")
  assert(set.kind == "StatefulSet" and set.name == "web" and set.namespace == "demo")
  assert(set.api_version == "apps/v1")
  assert(tostring(set):find("StatefulSet demo/web", 1, true), tostring(set))
end)

H.case("load from a string, format given or guessed", function()
  local text = H.read("web.yaml")
  local a = assert(sts.load(text))
  local b = assert(sts.load(text, "yaml"))
  local c = assert(sts.load(text, { format = "yaml", source = "web.yaml" }))
  assert(#a == 2 and #b == 2 and #c == 2)
  assert(H.equal(a[2]:to_table(), b[2]:to_table()))
end)

H.case("JSON input, by extension and by content", function()
  local objs = H.load("service.json")
  assert(#objs == 1 and objs[1].kind == "Service")
  local again = assert(sts.load(H.read("service.json")))
  assert(H.equal(objs[1]:to_table(), again[1]:to_table()))
  local yaml = H.load("web.yaml")
  assert(H.equal(objs[1]:to_table(), yaml[1]:to_table()))
end)

H.case("multi-document stream", function()
  local text = "---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\n" ..
               "---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n" ..
               "---\napiVersion: v1\nkind: Pod\nmetadata: {name: c}\n"
  local objs = assert(sts.load(text))
  assert(#objs == 3)
  assert(objs[1].name == "a" and objs[2].name == "b" and objs[3].name == "c")
end)

H.case("empty input gives no objects", function()
  local objs = assert(sts.load("", "yaml"))
  assert(type(objs) == "table" and #objs == 0)
end)

H.case("kind: List is expanded unless keep_lists", function()
  local objs = H.load("list.yaml")
  assert(#objs == 2)
  assert(objs[1].kind == "Service" and objs[1].name == "nginx")
  assert(objs[2].kind == "Pod" and objs[2].name == "web-1")
  local kept = H.load("list.yaml", { keep_lists = true })
  assert(#kept == 1 and kept[1].kind == "List")
  assert(#kept[1]:get("items") == 2)
end)

H.case("dump several objects and load them back", function()
  local objs = H.load("web.yaml")
  for _, fmt in ipairs({ "yaml", "json" }) do
    local text = assert(sts.dump(objs, fmt))
    local back = assert(sts.load(text, fmt))
    assert(#back == 2, fmt)
    for i = 1, 2 do assert(H.equal(back[i]:to_table(), objs[i]:to_table()), fmt) end
  end
  local list = assert(sts.dump(objs, { format = "json", as_list = true }))
  local back = assert(sts.load(list, "json"))
  assert(#back == 2 and back[2].kind == "StatefulSet")
end)

H.case("registry: formats, find, guess", function()
  local reg = sts.default_registry
  local names = {}
  for _, f in ipairs(reg:formats()) do names[f.name] = f end
  assert(names.yaml and names.json)
  assert(names.yaml.decode and names.yaml.encode)
  assert(H.equal(names.yaml.extensions, { "yaml", "yml" }) or #names.yaml.extensions >= 1)
  assert(reg:find("yml") == "yaml")
  assert(reg:find("nope") == nil)
  assert(reg:guess("x.json") == "json")
  assert(reg:guess(nil, "{}") == "json")
  assert(reg:guess(nil, "a: b") == "yaml")
end)

H.case("a separate registry; empty registries know no format", function()
  local reg = sts.registry()
  local objs = assert(reg:load(H.read("pod.yaml")))
  assert(objs[1]:registry() == reg)
  local empty <close> = sts.registry({ empty = true })
  assert(#empty:formats() == 0)
  local none, msg, err = empty:load("a: b", "yaml")
  assert(none == nil and type(msg) == "string" and err.name == "STS_ENOTFOUND", msg)
end)

H.case("sts.new builds objects of known kinds", function()
  local o = assert(sts.new("StatefulSet", "db"))
  assert(o.kind == "StatefulSet" and o.name == "db" and o.api_version == "apps/v1")
  assert(o:replicas() == nil)
  assert(o:set_replicas(2))
  assert(o:replicas() == 2)
  local svc = assert(sts.new("Service", "db"))
  assert(svc.api_version == "v1")
  H.raises("kind must be", sts.new, "Deployment", "x")
end)

H.done()
