"""Baseline for the Bulk NDJSON import benchmark: the same files parsed and validated by
fhir.resources (R4B models, the closest to R4 the library ships), as a hospital data engineer
would. Prints one line in the same format as ImportThroughput."""
import json
import os
import resource
import sys
import time

from fhir.resources.R4B import get_fhir_model_class


def main(folder: str) -> None:
    files = sorted(name for name in os.listdir(folder) if name.endswith(".ndjson"))
    size = sum(os.path.getsize(os.path.join(folder, name)) for name in files)
    count = 0
    failures = 0
    start = time.perf_counter()
    for name in files:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if not line:
                    continue
                data = json.loads(line)
                try:
                    get_fhir_model_class(data["resourceType"]).model_validate(data)
                except Exception:  # a resource the library rejects still counts as read
                    failures += 1
                count += 1
    seconds = time.perf_counter() - start
    megabytes = size / 1_048_576
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"python fhir.resources\t{megabytes:.1f} MB\t{count} resources\t{seconds:.2f} s\t{megabytes / seconds:.1f} MB/s\t"
          f"{count / seconds:.0f} resources/s\tpeak RSS {peak:.0f} MB\t({failures} rejected)")


def orjson_parse(folder: str) -> None:
    """The floor of issue #12: parsing alone with orjson (the fastest JSON parser on PyPI)."""
    import orjson

    files = sorted(name for name in os.listdir(folder) if name.endswith(".ndjson"))
    size = sum(os.path.getsize(os.path.join(folder, name)) for name in files)
    count = 0
    start = time.perf_counter()
    for name in files:
        with open(os.path.join(folder, name), "rb") as handle:
            for line in handle:
                if line.strip():
                    orjson.loads(line)
                    count += 1
    seconds = time.perf_counter() - start
    megabytes = size / 1_048_576
    print(f"python orjson parse\t{megabytes:.1f} MB\t{count} resources\t{seconds:.2f} s\t{megabytes / seconds:.1f} MB/s\t{count / seconds:.0f} resources/s")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "orjson":
        orjson_parse(sys.argv[1])
    else:
        main(sys.argv[1])
