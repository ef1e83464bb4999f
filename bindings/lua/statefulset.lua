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

-- ---- API server: versions, defaults, validation, lint (api.h) ----------------

-- `feature_gates` may be a table { Gate = true, Other = false }; the
-- library takes the kube-apiserver flag syntax "Gate=true,Other=false".
local function gates_string(g)
  if type(g) ~= "table" then return g end
  local names = {}
  for k, v in pairs(g) do
    if type(k) ~= "string" or type(v) ~= "boolean" then
      error("feature_gates: expected { GateName = boolean, ... }", 4)
    end
    names[#names + 1] = k
  end
  table.sort(names)
  for i, k in ipairs(names) do names[i] = k .. "=" .. tostring(g[k]) end
  return table.concat(names, ",")
end

-- A copy of @opts with table-valued feature_gates / disable as strings.
local function api_opts(opts)
  if type(opts) ~= "table" then return opts end
  if type(opts.feature_gates) ~= "table" and type(opts.disable) ~= "table" then return opts end
  local o = {}
  for k, v in pairs(opts) do o[k] = v end
  o.feature_gates = gates_string(opts.feature_gates)
  if type(opts.disable) == "table" then o.disable = table.concat(opts.disable, ",") end
  return o
end

--- The newest Kubernetes release the library knows ("1.35").
M.kube_version_default = core.kube_version_default
--- "1.34", "v1.34.2" -> 34; unsupported releases -> nil, msg, err (STS_EVERSION).
M.kube_version_parse = core.kube_version_parse
--- Whether a feature gate is on: sts.feature_gate("MaxUnavailableStatefulSet",
-- { kube_version = "1.34", feature_gates = ... }) -> boolean.
function M.feature_gate(name, opts) return core.feature_gate(name, api_opts(opts)) end
--- A resource quantity in canonical form ("1024Mi" -> "1Gi", "0.5" -> "500m").
M.quantity = core.quantity

--- The kubectl text of a 422 for @errors (what obj:validate() returned).
M.validation_text = core.validation_text

--- Lint @objects (an array): findings { rule, severity, message, hint, path,
-- line, column, ... }; opts { disable = "STS112,STS116" or { "STS112" },
-- kube_version, feature_gates }. Load with `no_type_check = true` so that
-- wrong types become findings (STS100) instead of load errors.
function M.lint(objects, opts) return core.lint(objects, api_opts(opts)) end
--- Every lint rule: { { id = "STS100", severity = "error", summary = ... }, ... }.
M.lint_rules = core.lint_rules

-- ---- revisions (revision.h) ---------------------------------------------------

--- Revision equality as the controller decides it (EqualRevision).
M.revision_equal = core.revision_equal
--- 32-bit FNV-1 (not FNV-1a) of a string, as an integer.
M.fnv1_32 = core.fnv1_32
--- The revision hash of raw data bytes followed by the collision count.
M.revision_hash_data = core.revision_hash_data

-- ---- rollout impact (impact.h) --------------------------------------------------

--- What updating @old (nil: a create) to @new does: a table with allowed,
-- errors, revision, changes, rollout, pods (the library's result document).
-- opts { kube_version, feature_gates, objects = { pods, ControllerRevisions } }.
function M.diff(old, new, opts) return core.diff(old, new, api_opts(opts)) end
--- The same as text, as stsctl prints it.
function M.diff_text(old, new, opts) return core.diff_text(old, new, api_opts(opts)) end
--- Which StatefulSets of @objects an upgrade from release @from to @to rolls.
function M.upgrade_check(objects, from, to, opts)
  return core.upgrade_check(objects, from, to, api_opts(opts))
end
function M.upgrade_text(objects, from, to, opts)
  return core.upgrade_text(objects, from, to, api_opts(opts))
end

-- ---- object methods built from the core ones --------------------------------

local Object = core.Object

local defaulted, apply_defaults = Object.defaulted, Object.apply_defaults
local validate, assert_valid = Object.validate, Object.assert_valid
--- A defaulted copy, as the API server stores it: opts { kube_version, feature_gates }.
function Object:defaulted(opts) return defaulted(self, api_opts(opts)) end
function Object:apply_defaults(opts) return apply_defaults(self, api_opts(opts)) end
--- Validation as the API server does it: opts { old, status, kube_version,
-- feature_gates, no_defaulting }; an array of field errors, empty when valid.
function Object:validate(opts) return validate(self, api_opts(opts)) end
--- self when valid, else nil, the kubectl text, err.
function Object:assert_valid(opts) return assert_valid(self, api_opts(opts)) end

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
