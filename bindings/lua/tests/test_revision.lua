-- ControllerRevisions: canonical bytes, FNV-1 hash, names, objects, equality.
-- Expected values: the published vectors of statefulset-spec.md §4.4 and
-- test-scenarios.md S13-S20 (V1 = the upstream 1.33 fixture, V2 = 1.34),
-- on the library's fixtures tests/data/revision/ (live dumps whose
-- status.updateRevision is the published name; the same set as authored).
local sts = require "statefulset"
local H = require "helpers"

local V1 = '{"spec":{"template":{"$patch":"replace","metadata":{"annotations":{"test":"value"},'
  .. '"creationTimestamp":null,"labels":{"app":"foo"}},"spec":{"containers":[{"image":"test",'
  .. '"imagePullPolicy":"Always","name":"test","resources":{},"terminationMessagePath":'
  .. '"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst",'
  .. '"restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},'
  .. '"terminationGracePeriodSeconds":30}}}}'
local V2 = V1:gsub('"creationTimestamp":null,', "", 1)
local V3 = '{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"nginx"}},"spec":'
  .. '{"containers":[{"image":"nginx:1.25","imagePullPolicy":"IfNotPresent","name":"nginx",'
  .. '"resources":{},"terminationMessagePath":"/dev/termination-log",'
  .. '"terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always",'
  .. '"schedulerName":"default-scheduler","securityContext":{},'
  .. '"terminationGracePeriodSeconds":30}}}}'
local V4 = V3:gsub('"metadata":{', '"metadata":{"creationTimestamp":null,', 1)

-- V3's template as a manifest, hashed as it is ("live")
local V3_SET = [[
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: %s}
spec:
  template:
    metadata: {%s labels: {app: nginx}}
    spec:
      containers:
      - {image: "nginx:1.25", imagePullPolicy: IfNotPresent, name: nginx, resources: {},
         terminationMessagePath: /dev/termination-log, terminationMessagePolicy: File}
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
]]

local function v3_set(name, ts_null)
  return assert(sts.load(V3_SET:format(name or "foo", ts_null and "creationTimestamp: null," or "")))[1]
end

local function fixture(name)
  return assert(sts.load_file(H.repo_path("revision/" .. name)))[1]
end

-- FNV-1a, only to show the negative vector really is FNV-1a's answer
local function fnv1a_32(s)
  local h = 2166136261
  for i = 1, #s do h = ((h ~ s:byte(i)) * 16777619) & 0xffffffff end
  return h
end

H.case("FNV-1 vectors (spec 4.2, 4.4 V1-V5); not FNV-1a", function()
  assert(#V3 == 416 and #V4 == 441)
  assert(sts.fnv1_32("") == 2166136261)                 -- offset basis
  assert(sts.fnv1_32("0") == 84696367)                  -- V5
  assert(sts.fnv1_32(V1 .. "0") == 733928534)
  assert(sts.fnv1_32(V1 .. "1") == 733928535)
  assert(sts.fnv1_32(V2 .. "0") == 3325552446)
  assert(sts.fnv1_32(V3 .. "0") == 2789245707)
  assert(sts.fnv1_32(V3 .. "10") == 3247327374)
  assert(sts.fnv1_32(V4 .. "0") == 1564913)
  assert(math.type(sts.fnv1_32("x")) == "integer")
  -- the negative vector: FNV-1a of V1 + "0" is 120108408 ("56454d84d")
  assert(fnv1a_32(V1 .. "0") == 120108408)
  assert(sts.fnv1_32(V1 .. "0") ~= 120108408)
  assert(sts.revision_hash_data(V1, 0) ~= "56454d84d")
end)

H.case("hashes of data bytes and collision counts (S13-S15)", function()
  local cases = {
    { V1, 0, "c77f6d978" }, { V1, 1, "c77f6d979" },
    { V2, 0, "776999688b" }, { V2, 1, "776999688c" },
    { V3, 0, "6cdf689c4c" }, { V3, 1, "6cdf689c4b" }, { V3, 2, "6cdf689c49" },
    { V3, 10, "768c76c7c8" },
    { V4, 0, "59b8f57" }, { V4, 1, "59b8f56" }, { V4, 2, "59b8f59" }, { V4, 10, "7b66684fb" },
    { "", 0, "d8bfb7bc" },
  }
  for _, c in ipairs(cases) do
    local h = sts.revision_hash_data(c[1], c[2])
    assert(h == c[3], c[3] .. ": got " .. tostring(h))
  end
  assert(sts.revision_hash_data(V3) == "6cdf689c4c") -- collision count 0 by default
  H.raises("int32", sts.revision_hash_data, V3, 2 ^ 40 // 1)
end)

H.case("authored manifest: test-c77f6d978 on 1.33, test-776999688b on 1.34/1.35", function()
  local set = fixture("authored.yaml")
  assert(set:revision_bytes { kube_version = "1.33" } == V1)
  assert(set:revision_bytes { kube_version = "1.34" } == V2)
  assert(set:revision_bytes() == V2)                       -- 1.35 by default
  assert(set:revision { kube_version = "1.33" } == "test-c77f6d978")
  assert(set:revision { kube_version = "1.34" } == "test-776999688b")
  assert(set:revision { kube_version = "v1.35.0" } == "test-776999688b")
  assert(set:revision() == "test-776999688b")
  assert(set:revision_hash { kube_version = "1.33" } == "c77f6d978")
  assert(set:revision_hash { kube_version = "1.33", collision_count = 1 } == "c77f6d979")
  assert(set:revision { kube_version = "1.34", collision_count = 1 } == "test-776999688c")
  -- "authored" is what auto picks for a manifest without server-written fields
  assert(set:revision { kube_version = "1.33", mode = "authored" } == "test-c77f6d978")
end)

H.case("live dumps reproduce status.updateRevision", function()
  for _, c in ipairs { { "live-1.33.yaml", "test-c77f6d978", V1 },
                       { "live-1.34.yaml", "test-776999688b", V2 },
                       { "live-1.34.json", "test-776999688b", V2 } } do
    local set = fixture(c[1])
    assert(set:update_revision() == c[2])
    -- a live object is hashed as stored, whatever release is asked about
    for _, v in ipairs { "1.33", "1.34", "1.35" } do
      assert(set:revision { kube_version = v } == c[2], c[1] .. " " .. v)
      assert(set:revision { kube_version = v, mode = "live" } == c[2])
      assert(set:revision_bytes { kube_version = v } == c[3])
    end
  end
  -- the 1.34 dump read as a manifest for 1.33 gets the 1.33 name back
  assert(fixture("live-1.34.yaml"):revision { kube_version = "1.33", mode = "authored" }
         == "test-c77f6d978")
end)

H.case("V3/V4 sets hashed live; name truncation at 223 bytes (S16)", function()
  assert(v3_set():revision_bytes { mode = "live" } == V3)
  assert(v3_set(nil, true):revision_bytes { mode = "live" } == V4)
  assert(v3_set():revision { mode = "live" } == "foo-6cdf689c4c")
  assert(v3_set():revision { mode = "live", collision_count = 10 } == "foo-768c76c7c8")
  assert(v3_set(nil, true):revision { mode = "live" } == "foo-59b8f57")
  local long = ("a"):rep(230)
  local name = v3_set(long):revision { mode = "live" }
  assert(name == long:sub(1, 223) .. "-6cdf689c4c" and #name == 234)
  -- status.collisionCount is used unless overridden
  local s = v3_set()
  s:set("status", { collisionCount = 2 })
  assert(s:revision_hash { mode = "live" } == "6cdf689c49")
  assert(s:revision_hash { mode = "live", collision_count = 0 } == "6cdf689c4c")
end)

H.case("ControllerRevision object (spec 4.3)", function()
  local set = fixture("authored.yaml")
  local rev = assert(set:revision_object(1, { kube_version = "1.33" }))
  assert(rev.kind == "ControllerRevision" and rev.api_version == "apps/v1")
  assert(rev.name == "test-c77f6d978" and rev.namespace == "default")
  assert(rev:label("controller.kubernetes.io/hash") == "c77f6d978")
  assert(rev:label("app") == "foo")                     -- template labels
  assert(rev:annotation("team") == "storage")           -- the set's own annotations
  assert(rev:get("revision") == 1)
  local owner = rev:get("metadata.ownerReferences")[1]
  assert(owner.kind == "StatefulSet" and owner.name == "test" and owner.controller == true)
  assert(rev:get("data.spec.template.$patch") == "replace")
  local rev2 = assert(set:revision_object(2, { kube_version = "1.34" }))
  assert(rev2.name == "test-776999688b" and rev2:get("revision") == 2)
  -- equality: different bytes, different hash labels
  assert(sts.revision_equal(rev, rev2) == false)
  assert(sts.revision_equal(rev, rev:clone()) == true)
  -- the revision outlives the set it came from
  set:close()
  assert(rev:to_yaml():find("test-c77f6d978", 1, true))
  H.raises("number expected", set.revision_object, rev, "one")
end)

H.case("collision rename: the name changes, the hash label stays (S20)", function()
  local rev = assert(v3_set():revision_object(1, { mode = "live" }))
  assert(rev.name == "foo-6cdf689c4c")
  assert(rev:revision_rename(1) == true)
  assert(rev.name == "foo-6cdf689c4b")
  assert(rev:label("controller.kubernetes.io/hash") == "6cdf689c4c")
end)

H.case("ApplyRevision round trip (S18)", function()
  local set = v3_set()
  local r1 = assert(set:revision_object(1, { mode = "live" }))
  local changed = set:clone()
  changed:set("spec.template.spec.containers[0].name", "foo")
  changed:set_annotation("foo", "bar")
  local r2 = assert(changed:revision_object(2, { mode = "live" }))
  assert(sts.revision_equal(r1, r2) == false)
  local restored = assert(changed:apply_revision(r1))
  assert(restored:get("spec.template.spec.containers[0].name") == "nginx")
  assert(restored:annotation("foo") == "bar")          -- the rest comes from the set
  local r3 = assert(restored:revision_object(3, { mode = "live" }))
  assert(sts.revision_equal(r1, r3) == true)
  assert(r3:annotation("foo") == "bar")
  -- applying something that is not a revision
  local x, msg, err = set:apply_revision(set)
  assert(x == nil and err.code == sts.codes.STS_ENOTFOUND, msg)
end)

H.case("errors: versions, modes, missing templates", function()
  local set = fixture("authored.yaml")
  local r, msg, err = set:revision { kube_version = "1.30" }
  assert(r == nil and err.name == "STS_EVERSION", msg)
  r, msg, err = set:revision_bytes { kube_version = "9.9" }
  assert(r == nil and err.name == "STS_EVERSION", msg)
  H.raises("option 'mode' must be", set.revision, set, { mode = "bogus" })
  H.raises("collision_count", set.revision, set, { collision_count = 2 ^ 40 // 1 })
  H.raises("unknown option", set.revision, set, { version = "1.34" })
  local bare = assert(sts.load("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\n"))[1]
  r, msg, err = bare:revision()
  assert(r == nil and err.code == sts.codes.STS_ENOTFOUND, msg)
  r, msg, err = bare:revision_object(1)
  assert(r == nil and err.code == sts.codes.STS_ENOTFOUND, msg)
end)

H.done()
