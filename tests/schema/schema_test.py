#!/usr/bin/env python3
"""docs/scenario.schema.json against the parser (sim/scenario), with an independent validator.

  schema_test.py verdicts SOURCE_DIR DELIVSIM
      The schema is a valid draft 2020-12 schema; every shipped scenario and good fixture is valid for both the
      schema and `delivsim validate`; every bad fixture is refused by the parser, and by the schema too unless
      NOT_EXPRESSIBLE lists it (the test fails if a listed file is refused by the schema after all, or an
      unlisted one accepted).
  schema_test.py keys SOURCE_DIR MAP_READER_KEYS
      Every mapping the parser reads through a MapReader, loading the shipped scenarios and good fixtures, has
      exactly the schema's keys at that path; every fixed-key mapping of the schema is reached by one; and each
      receiver parameter has the schema type of its C++ type.

The YAML is read as a YAML language server reads it (YAML 1.2 core schema: `1h`, `2026-01-05T00:00:00Z` and
`yes` are text; `2e5` is a number), not with PyYAML's YAML 1.1 rules.
"""
import json
import pathlib
import re
import subprocess
import sys

import jsonschema
import yaml

# Bad fixtures whose defect is beyond a JSON Schema, each with the reason. The schema accepts these; the parser
# refuses them.
NOT_EXPRESSIBLE = {
    "bad_regex.yaml": "whether a regular expression compiles (unbalanced parenthesis) is RE2's to say",
    "bad_start_date.yaml": "a real calendar day (no 30 February) is beyond a pattern on the digits",
    "campaign_past_the_end.yaml": "at + over <= duration compares two fields",
    "domain_claimed_twice.yaml": "a domain hosted by two providers is a rule across mappings",
    "duplicate_ip.yaml": "an address declared twice is uniqueness of one key across list items",
    "duplicate_key.yaml": "a YAML-level problem: the loader keeps the last value, so the schema never sees it",
    "duration_overflow.yaml": "the 2^62-millisecond bound of a duration is arithmetic on its text",
    "idle_timeout_too_long.yaml": "a duration's upper bound (1h) is arithmetic on its text",
    "nan_share.yaml": ".nan is a number to a YAML loader, and JSON Schema bounds cannot refuse NaN",
    "rate_too_slow.yaml": "a rate's lowest value (period <= 2^62 ms) is arithmetic on its text",
    "retry_list_not_increasing.yaml": "increasing offsets compare list items",
    "shares_not_summing.yaml": "shares summing to 1 is arithmetic across keys",
    "strategy_misspelt_path.yaml": "a --set path's keys are checked once applied to the scenario",
    "stream_rate_too_slow.yaml": "a rate's lowest value (period <= 2^62 ms) is arithmetic on its text",
    "stream_until_before_from.yaml": "until > from compares two fields",
    "sweep_bad_value.yaml": "a sweep value's type depends on the path it is swept into",
    "too_long.yaml": "a duration's upper bound (400d) is arithmetic on its text",
    "uncertainty_pinned_param.yaml": "a parameter pinned in params cannot vary: a rule across sections",
    "unknown_destination.yaml": "a destination must name a declared provider",
    "unknown_destination_pool.yaml": "a destination's pool must name a declared pool",
    "unknown_domain.yaml": "a traffic domain must be declared in identities.domains",
    "unknown_pool.yaml": "a traffic pool must be declared in pools",
    "unrouted_domain.yaml": "a recipient domain must be hosted by a declared provider",
    "warmup_every_partial_day.yaml": "a whole number of days (36h is not, 48h is) is arithmetic on the duration",
}

# Keys the schema has beyond a MapReader's, by dotted path, each consumed before the readers run.
READ_ELSEWHERE = {
    "sender.import": "sim/scenario/sender_import.cpp merges the imported config and removes the key",
}


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types instead of YAML 1.1's."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith(("0o", "0x")):
        return int(text, 0)
    return int(text)


def construct_float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith((".inf", ".nan")):
        return float(text.replace(".", ""))
    return float(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", construct_float)


def load_yaml(path):
    """The document at `path`, or raises an exception saying why it is no YAML document."""
    with open(path, "rb") as f:
        return yaml.load(f, Loader=Yaml12Loader)


def load_schema(source):
    schema = json.loads((source / "docs" / "scenario.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def schema_problem(validator, path):
    """Why the schema (or the YAML loader before it) refuses `path`, or None when it accepts it."""
    if path.is_dir():
        return "is a directory"
    try:
        document = load_yaml(path)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as error:
        return "not YAML: " + str(error).splitlines()[0]
    try:
        error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    except RecursionError:
        return "a recursive alias (the schema never ends)"
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path)
    return f"{where}: {error.message[:200]}"


def parser_accepts(delivsim, path):
    result = subprocess.run([delivsim, "validate", str(path)], capture_output=True, text=True, timeout=300)
    if result.returncode not in (0, 2):
        raise RuntimeError(f"delivsim validate {path} exited {result.returncode}: {result.stderr}")
    return result.returncode == 0, result.stdout + result.stderr


def shipped_and_good(source):
    return (sorted((source / "scenarios").rglob("*.yaml")) + sorted((source / "tests/scenario/good").glob("*.yaml"))
            + sorted((source / "tests/schema/good").glob("*.yaml")))


def check_verdicts(source, delivsim):
    validator = jsonschema.Draft202012Validator(load_schema(source))
    failures = []
    for path in shipped_and_good(source):
        accepted, output = parser_accepts(delivsim, path)
        if not accepted:
            failures.append(f"{path}: the parser refuses it: {output.strip()}")
        problem = schema_problem(validator, path)
        if problem:
            failures.append(f"{path}: the schema refuses it: {problem}")
    bad = sorted((source / "tests/scenario/bad").iterdir()) + sorted((source / "tests/schema/bad").iterdir())
    for name in set(NOT_EXPRESSIBLE) - {path.name for path in bad}:
        failures.append(f"NOT_EXPRESSIBLE lists {name}, which is no bad fixture")
    for path in bad:
        accepted, _ = parser_accepts(delivsim, path)
        if accepted:
            failures.append(f"{path}: a bad fixture the parser accepts")
        problem = schema_problem(validator, path)
        listed = path.name in NOT_EXPRESSIBLE
        if listed and problem:
            failures.append(f"{path}: listed as beyond the schema, but the schema refuses it: {problem}")
        if not listed and not problem:
            failures.append(f"{path}: the schema accepts it (list it in NOT_EXPRESSIBLE only if a schema cannot "
                            "express its defect)")
        print(f"{path.name}: schema {'accepts (' + NOT_EXPRESSIBLE[path.name] + ')' if listed else problem}")
    return failures


def resolve(schema, node):
    """The schemas `node` stands for: itself, and what its $ref, oneOf, anyOf and allOf lead to."""
    if not isinstance(node, dict):
        return []
    if "$ref" in node:
        return resolve(schema, schema["$defs"][node["$ref"].split("/")[-1]])
    found = [node]
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in node.get(key, []):
            found += resolve(schema, branch)
    return found


def walk(schema, path):
    """The schemas at a dotted path such as traffic[0].campaign (a segment a chosen name, or an index)."""
    nodes = resolve(schema, schema)
    for segment in segments(path):
        found = []
        for node in nodes:
            if segment.startswith("["):
                found += resolve(schema, node.get("items"))
            elif segment in node.get("properties", {}):
                found += resolve(schema, node["properties"][segment])
            elif isinstance(node.get("additionalProperties"), dict):
                found += resolve(schema, node["additionalProperties"])
        nodes = found
    return nodes


def segments(path):
    """"traffic[0].campaign" -> ["traffic", "[0]", "campaign"]."""
    return [part for part in re.split(r"\.|(\[\d+\])", path) if part]


def fixed_key_mappings(node, where, out):
    """Every object schema with additionalProperties false, by a readable place, below `node`."""
    if isinstance(node, dict):
        if node.get("additionalProperties") is False and "properties" in node:
            out[id(node)] = where
        for key, value in node.items():
            fixed_key_mappings(value, f"{where}/{key}", out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            fixed_key_mappings(value, f"{where}/{i}", out)


def schema_param_type(entry):
    """(type, detail) of a params property in map_reader_keys's words: the detail is the smallest whole
    number or number, or which duration."""
    if "$ref" in entry:
        name = entry["$ref"].split("/")[-1]
        return {"duration": "duration", "positive_duration": "duration", "distribution": "distribution",
                "recipient_limits": "recipient_limits"}[name], name
    return entry["type"], entry.get("minimum")


def expected_param_schema(param):
    """(type, detail) schema_param_type should give for `param`, and the $defs of its uncertainty range."""
    zero = param["zero_means_none"]
    return {
        "number": (("number", 0), "range_of_number"),
        "integer": (("integer", 0 if zero else 1), "range_of_count_or_zero" if zero else "range_of_count"),
        "duration": (("duration", "duration" if zero else "positive_duration"),
                     "range_of_duration" if zero else "range_of_positive_duration"),
        "distribution": (("distribution", "distribution"), "range_of_distribution"),
        "boolean": (("boolean", None), None),
        "recipient_limits": (("recipient_limits", "recipient_limits"), None),
    }[param["type"]]


def check_keys(source, dumper):
    schema = load_schema(source)
    files = [str(path) for path in shipped_and_good(source)]
    result = subprocess.run([dumper] + files, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        return [f"map_reader_keys failed ({result.returncode}): {result.stderr}"]
    read = json.loads(result.stdout)
    failures = []
    reached = set()
    for record in read["maps"]:
        path, keys = record["path"], set(record["keys"])
        pattern = re.sub(r"\[\d+\]", "", path)
        elsewhere = {key.rpartition(".")[2] for key in READ_ELSEWHERE if key.rpartition(".")[0] == pattern}
        nodes = [node for node in walk(schema, path) if node.get("additionalProperties") is False]
        fits = [node for node in nodes if set(node.get("properties", {})) - elsewhere == keys]
        if not fits:
            offered = [sorted(node.get("properties", {})) for node in nodes]
            failures.append(f"{path or '(top level)'}: the parser allows {sorted(keys)}; the schema has {offered}")
        reached.update(id(node) for node in fits)
    for path in READ_ELSEWHERE:
        reached.update(id(node) for node in walk(schema, path))
    # uncertainty.providers.<p>.ranges is a mapping of receiver parameter names (read_uncertainty.cpp finds each
    # with visit_receiver_params): its keys are the parameters'.
    ranges = schema["$defs"]["param_ranges"]
    reached.add(id(ranges))
    if set(ranges["properties"]) != {param["name"] for param in read["params"]}:
        failures.append("$defs/param_ranges: its keys are not the receiver parameters' names")
    mappings = {}
    fixed_key_mappings(schema, "#", mappings)
    for node_id, where in sorted(mappings.items(), key=lambda item: item[1]):
        if node_id not in reached:
            failures.append(f"{where}: no MapReader reached this mapping of the schema (add a good fixture that "
                            "uses it to tests/schema/good/)")
    params = schema["$defs"]["receiver_params"]["properties"]
    for param in read["params"]:
        entry = params.get(param["name"])
        if entry is None:
            failures.append(f"receiver parameter {param['name']} is not in the schema")
            continue
        expected, range_def = expected_param_schema(param)
        if schema_param_type(entry) != expected:
            failures.append(f"receiver parameter {param['name']}: the schema has {schema_param_type(entry)}, the "
                            f"parser reads {expected} (zero_means_none {param['zero_means_none']})")
        written_range = ranges["properties"].get(param["name"], {}).get("$ref", "").split("/")[-1] or None
        if written_range != range_def:
            failures.append(f"receiver parameter {param['name']}: its uncertainty range is {written_range}, "
                            f"expected {range_def}")
    print(f"{len(read['maps'])} mappings read, {len(mappings)} fixed-key mappings in the schema, "
          f"{len(read['params'])} receiver parameters")
    return failures


def main():
    mode, source, program = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    failures = check_verdicts(source, program) if mode == "verdicts" else check_keys(source, program)
    for failure in failures:
        print("FAIL", failure)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
