--- libstatefulset for Lua 5.4.
--
--   local sts = require "statefulset"
--   local objs = assert(sts.load(text))          -- every document, `kind: List` expanded
--   local set = objs[2]
--   print(set.kind, set.name, set:replicas())     -- "StatefulSet" "web" 3 (nil when absent)
--   assert(set:set_replicas(5))
--   print(set:to_yaml{style = "kubectl"})
--
-- Runtime failures return `nil, message, err` where err = { code, name
-- ("STS_ETYPE"), message, text, path, line, column, offset, source,
-- errors = { every error of the chain } }; unknown parts are nil.
-- Wrong argument types raise. Objects are userdata: close them with
-- obj:close(), a `local x <close>` variable, or let the collector do it.
--
-- This layer only arranges arguments; the behaviour lives in the C
-- library (through the core module `statefulset.core`).

local core = require "statefulset.core"

local M = {}

M.null = core.null                 -- JSON null in tables and obj:set()
M.Array = core.Array               -- metatable marking arrays from documents
M.Map = core.Map                   -- metatable marking maps from documents
M.codes = core.codes               -- codes.STS_ETYPE == -4, codes[-4] == "STS_ETYPE"
M.strerror = core.strerror
M.status_name = core.status_name
M.version, M.version_number = core.version()
M.Object = core.Object             -- method table of objects (extendable)
M.Registry = core.Registry         -- method table of registries
M.default_registry = core.default_registry

--- Mark @t (default: a new table) as an array, so an empty one stays `[]`.
function M.array(t) return setmetatable(t or {}, core.Array) end
--- Mark @t (default: a new table) as a map, so an empty one stays `{}`.
function M.map(t) return setmetatable(t or {}, core.Map) end
function M.is_array(t) return type(t) == "table" and getmetatable(t) == core.Array end
function M.is_map(t) return type(t) == "table" and getmetatable(t) == core.Map end

--- A new registry of serializers (`{empty = true}` starts without yaml/json).
M.registry = core.registry

--- Decode every document of @text into objects.
-- @param format "yaml", "json", ... or nil to guess; may be the opts table
-- @param opts { format, source, keep_lists, allow_duplicate_keys,
--   no_source_text, max_depth, max_input_size, max_scalar_size,
--   max_alias_expansion, max_nodes, max_documents }
-- @return array of objects | nil, message, err
function M.load(text, format, opts)
  return core.default_registry:load(text, format, opts)
end

local function io_failure(path, message)
  local e = {
    code = core.codes.STS_EIO, name = "STS_EIO", message = message,
    text = message, source = path,
  }
  e.errors = { setmetatable({
    code = e.code, name = e.name, message = e.message, text = e.text, source = path,
  }, core.error_mt) }
  return nil, message, setmetatable(e, core.error_mt)
end

local function load_file(reg, path, format, opts)
  if type(path) ~= "string" then
    error("bad argument #1 to 'load_file' (string expected, got " .. type(path) .. ")", 3)
  end
  if type(format) == "table" then format, opts = nil, format end
  local f, msg = io.open(path, "rb")
  if not f then return io_failure(path, msg) end
  local text, rmsg = f:read("a")
  f:close()
  if not text then return io_failure(path, path .. ": " .. tostring(rmsg)) end
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  -- the library guesses the format from the source name's extension
  if o.source == nil then o.source = path end
  return reg:load(text, format, o)
end

--- Read and decode a file; the file name is the error source and picks
-- the format by extension (content sniffing otherwise).
function M.load_file(path, format, opts)
  return load_file(core.default_registry, path, format, opts)
end

function M.Registry:load_file(path, format, opts)
  return load_file(self, path, format, opts)
end

--- Encode several objects into one stream ("yaml" by default).
-- opts: { format, style = "original"|"kubectl", compact, as_list,
--   explicit_start, indent }
function M.dump(objects, format, opts)
  return core.default_registry:dump(objects, format, opts)
end

-- ---- identity (identity.h) ---------------------------------------------------

--- Split a pod name like the controller: "web-007" -> "web", 7;
-- no match -> "", -1; an ordinal beyond int32 -> parent, -1.
M.parse_pod_name = core.parse_pod_name
--- `<set>-<ordinal>`.
M.pod_name = core.pod_name
--- `<template>-<set>-<ordinal>`.
M.claim_name = core.claim_name
--- PVC names shared by StatefulSets of @objects (an array of objects) in
-- one namespace: an array of problem tables { code, name, message, text,
-- path, line, column }; empty when there are none.
M.check_claim_collisions = core.check_claim_collisions

--- A new object of a known kind with apiVersion, kind and metadata.name.
function M.new(kind, name, registry)
  return core.new(kind, name, registry)
end

-- ---- object methods built from the core ones --------------------------------

local Object = core.Object

function Object:to_yaml(opts) return self:dump("yaml", opts) end
function Object:to_json(opts) return self:dump("json", opts) end

function Object:labels() return self:get("metadata.labels") end
function Object:annotations() return self:get("metadata.annotations") end

local service_selector = Object.service_selector
local sts_selector = Object.selector
--- `spec.selector`: a label selector for a StatefulSet, a plain map for a Service.
function Object:selector()
  if self.kind == "Service" then return service_selector(self) end
  return sts_selector(self)
end

function Object:set_name(name) return self:set("metadata.name", name) end
function Object:set_namespace(ns) return self:set("metadata.namespace", ns) end

--- `spec.persistentVolumeClaimRetentionPolicy` as { whenDeleted, whenScaled },
-- nil when neither is set.
function Object:pvc_retention()
  local d, msg, err = self:pvc_when_deleted()
  if msg then return nil, msg, err end
  local s, msg2, err2 = self:pvc_when_scaled()
  if msg2 then return nil, msg2, err2 end
  if d == nil and s == nil then return nil end
  return { whenDeleted = d, whenScaled = s }
end

local status_fields = {
  "status_replicas", "ready_replicas", "current_replicas", "updated_replicas",
  "available_replicas", "observed_generation", "collision_count",
  "current_revision", "update_revision",
}

--- Every StatefulSet status field present, as a table keyed like the
-- accessors (`ready_replicas`, ...); nil, message, err on a type error.
function Object:status()
  local t = {}
  for _, f in ipairs(status_fields) do
    local v, msg, err = self[f](self)
    if msg then return nil, msg, err end
    t[f] = v
  end
  return t
end

return M
