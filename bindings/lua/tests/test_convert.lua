-- to_table / get / set: Lua values <-> documents, and their agreement with to_json.
local sts = require "statefulset"
local H = require "helpers"

local doc = [[
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  empty_map: {}
  empty_list: []
  nothing: null
  tilde: ~
  int: 42
  neg: -7
  float: 1.5
  yes_bool: true
  octal: 0777
  quoted: "0777"
  list: [1, two, 3.0]
]]

local function cfg() return assert(sts.load(doc))[1] end

H.case("to_table: types, markers, null", function()
  local t = cfg():to_table()
  assert(sts.is_map(t) and sts.is_map(t.metadata))
  assert(t.apiVersion == "v1" and t.kind == "ConfigMap") -- camelCase keys as in the manifest
  local d = t.data
  assert(sts.is_map(d.empty_map) and next(d.empty_map) == nil)
  assert(sts.is_array(d.empty_list) and #d.empty_list == 0)
  assert(d.nothing == sts.null and d.tilde == sts.null)
  assert(d.int == 42 and math.type(d.int) == "integer")
  assert(d.neg == -7)
  assert(d.float == 1.5 and math.type(d.float) == "float")
  assert(d.yes_bool == true)
  assert(d.octal == 511, "YAML 1.1 octal, as kubectl reads it")
  assert(d.quoted == "0777")
  assert(sts.is_array(d.list) and #d.list == 3)
  assert(d.list[1] == 1 and d.list[2] == "two" and math.type(d.list[3]) == "float")
end)

H.case("to_table agrees with to_json", function()
  local o = cfg()
  local from_json = assert(sts.load(o:to_json(), "json"))[1]:to_table()
  assert(H.equal(o:to_table(), from_json))
  local json = o:to_json({ compact = true })
  assert(json:find('"empty_map":{}', 1, true), json)
  assert(json:find('"empty_list":[]', 1, true), json)
  assert(json:find('"nothing":null', 1, true), json)
  assert(json:find('"octal":511', 1, true), json)
end)

H.case("kubectl style output equals kubectl's", function()
  local svc = H.load("web.yaml")[1]
  assert(svc:to_json({ style = "kubectl" }) == H.read("service.json"))
  assert(svc:to_yaml({ style = "kubectl" }) == H.read("service.kubectl.yaml"))
end)

H.case("get by field path", function()
  local set = H.load("web.yaml")[2]
  assert(set:get("spec.replicas") == 3)
  assert(set:get("spec.template.spec.containers[0].name") == "nginx")
  assert(set:get('metadata.annotations["example.com/owner"]') == "team-a")
  assert(set:get("spec.nope") == nil)
  assert(H.equal(set:get("spec.selector.matchLabels"), sts.map({ app = "nginx" })))
  local v, msg, err = set:get("spec.replicas.deeper")
  assert(v == nil and msg and err.name == "STS_ETYPE", msg)
  local w, msg2, err2 = set:get("spec[")
  assert(w == nil and msg2 and err2.name == "STS_EINVAL", msg2)
end)

H.case("has and position", function()
  local set = H.load("web.yaml")[2]
  assert(set:has("spec.replicas") and not set:has("spec.nope"))
  local line, col = set:position("spec.replicas")
  assert(line == 29 and col == 13, ("%s:%s"):format(line, col))
  line, col = set:position("spec.template.spec.containers[0].image")
  assert(line == 52 and col == 16, ("%s:%s"):format(line, col))
  assert(set:position("spec.nope") == nil)
  assert(set:set("spec.built", "in code"))
  assert(set:has("spec.built") and set:position("spec.built") == nil)
  local v, msg, err = set:has("spec.replicas.x")
  assert(v == nil and msg and err.name == "STS_ETYPE")
end)

H.case("set scalars, null and tables", function()
  local o = cfg()
  assert(o:set("data.s", "text"))
  assert(o:set("data.i", 7))
  assert(o:set("data.f", 0.25))
  assert(o:set("data.b", false))
  assert(o:set("data.n", sts.null))
  assert(o:set("data.new.deep.key", "created"))          -- missing maps are created
  assert(o:set("data.m", { b = 1, a = { 1, 2, { x = true } } }))
  assert(o:set("data.ea", sts.array()))
  assert(o:set("data.em", {}))
  assert(o:set("data.list[1]", "TWO"))
  local d = o:to_table().data
  assert(d.s == "text" and d.i == 7 and math.type(d.i) == "integer")
  assert(d.f == 0.25 and d.b == false and d.n == sts.null)
  assert(d.new.deep.key == "created")
  assert(H.equal(d.m, sts.map({ a = sts.array({ 1, 2, sts.map({ x = true }) }), b = 1 })))
  assert(sts.is_array(d.ea) and sts.is_map(d.em))
  assert(d.list[2] == "TWO")
  local json = o:to_json({ compact = true })
  assert(json:find('"m":{"a":[1,2,{"x":true}],"b":1}', 1, true), json) -- keys sorted
  assert(json:find('"ea":[]', 1, true) and json:find('"em":{}', 1, true), json)
  -- a table from to_table goes back unchanged
  local before = o:to_table()
  assert(o:set("copy", before.data))
  assert(H.equal(o:get("copy"), before.data))
end)

H.case("set: values without a document form raise", function()
  local o = cfg()
  H.raises("value expected", o.set, o, "data.x", nil)
  H.raises("cannot be stored", o.set, o, "data.x", print)
  H.raises("neither an array", o.set, o, "data.x", { 1, 2, x = 3 })
  H.raises("array has a hole", o.set, o, "data.x", sts.array({ 1, nil, 3 }))
  local cyc = {}
  cyc.self = cyc
  H.raises("cyclic", o.set, o, "data.x", cyc)
  H.raises("map key must be a string", o.set, o, "data.x", sts.map({ [1] = "a" }))
  -- nothing was attached by the failed calls
  assert(o:get("data.x") == nil)
end)

H.case("set: path errors are runtime errors", function()
  local o = cfg()
  local ok, msg, err = o:set("data.int.below", 1)
  assert(ok == nil and msg and err.name == "STS_ETYPE", msg)
  ok, msg, err = o:set("data.list[9]", 1)
  assert(ok == nil and msg and err, msg)
end)

H.case("remove", function()
  local o = cfg()
  assert(o:remove("data.int") == true)
  assert(o:remove("data.int") == false)
  assert(o:get("data.int") == nil)
end)

H.case("encode options are checked", function()
  local o = cfg()
  H.raises("unknown option 'compcat'", o.to_json, o, { compcat = true })
  H.raises("style", o.to_yaml, o, { style = "pretty" })
  H.raises("must be a boolean", o.to_json, o, { compact = 1 })
  assert(o:to_json({ indent = 2 }):find('\n  "apiVersion"', 1, true))
  local y = assert(o:to_yaml({ explicit_start = true }))
  assert(y:sub(1, 4) == "---\n", y)
end)

H.done()
