# Bad scenarios raise primsim.ScenarioError with the CLI's message and the mistake's file, line,
# column and key; bad rule input raises primsim.InputError with the CLI's message.
import pytest

import primsim


def cli_message(done):
    """What the CLI says of bad input, without its "primsim: " and CLI11's pointer to --help."""
    assert done.returncode == 2, done.stderr
    lines = [line for line in done.stderr.splitlines() if line != "Run with --help for more information."]
    text = "\n".join(lines)
    return text[len("primsim: "):] if text.startswith("primsim: ") else text


def test_a_wrong_value_names_its_file_line_column_and_key(tmp_path, small):
    scenario = tmp_path / "what_if.yaml"
    scenario.write_text(f"extends: {small}\nname: bigger\nmembership:\n  size: lots\n")
    with pytest.raises(primsim.ScenarioError) as raised:
        primsim.load(scenario)
    error = raised.value
    assert isinstance(error, ValueError)
    assert (error.file, error.line, error.column, error.key) == (str(scenario), 4, 9, "membership.size")
    assert error.found == '"lots"'


@pytest.mark.parametrize("name", ["negative_capacity.yaml", "misspelt_nested_key.yaml", "extends_cycle.yaml",
                                  "member_sizes_disagree.yaml", "phase_ends_before_start.yaml"])
def test_the_message_is_the_one_the_cli_prints(cli, bad_scenarios, tmp_path, name):
    expected = cli_message(cli("run", bad_scenarios / name, "-o", tmp_path / "refused.h5", check=False))
    with pytest.raises(primsim.ScenarioError) as raised:
        primsim.load(bad_scenarios / name)
    assert str(raised.value) == expected
    # Every mistake of the message, each with where it is.
    assert [e["message"] for e in raised.value.errors] == expected.split("\n")
    assert all(e["line"] is not None and e["file"] for e in raised.value.errors)


def test_a_bad_set_value_is_located_in_the_set_arguments(cli, small, tmp_path):
    expected = cli_message(cli("run", small, "-o", tmp_path / "refused.h5", "--set", "membership.size=-3",
                               check=False))
    with pytest.raises(primsim.ScenarioError) as raised:
        primsim.load(small, set={"membership.size": -3})
    assert str(raised.value) == expected
    assert (raised.value.file, raised.value.line, raised.value.key) == ("--set", 1, "membership.size")


def test_a_missing_scenario_is_named(cli, tmp_path):
    missing = tmp_path / "missing.yaml"
    expected = cli_message(cli("run", missing, "-o", tmp_path / "refused.h5", check=False))
    with pytest.raises(primsim.ScenarioError) as raised:
        primsim.load(missing)
    assert str(raised.value) == expected
    assert (raised.value.file, raised.value.key) == (str(missing), "(file)")


def test_a_malformed_ballot_file_is_located(cli, cli_data):
    expected = cli_message(cli("tally", "--rule", "borda", cli_data / "malformed.soi", check=False))
    with pytest.raises(primsim.InputError) as raised:
        primsim.tally(cli_data / "malformed.soi", "borda")
    assert str(raised.value) == expected
    assert raised.value.file == str(cli_data / "malformed.soi")
    assert raised.value.line is not None and raised.value.column is not None


def test_an_unknown_rule_and_method_read_as_in_the_cli(cli, cli_data):
    tally = cli_message(cli("tally", "--rule", "condorcet", cli_data / "three_way.soc", check=False))
    with pytest.raises(primsim.InputError) as raised:
        primsim.tally([["Ali", "Bo"]], "condorcet")
    assert str(raised.value) == tally
    allocate = cli_message(cli("allocate", "--method", "imperiali", "--seats", "3", cli_data / "last_seat_votes.csv",
                               check=False))
    with pytest.raises(primsim.InputError) as raised:
        primsim.allocate({"A": 1}, "imperiali", seats=3)
    assert str(raised.value) == allocate


def test_ranges_read_as_the_cli_options_do(cli, cli_data):
    seats = cli_message(cli("allocate", "--method", "dhondt", "--seats", "0", cli_data / "last_seat_votes.csv",
                            check=False))
    with pytest.raises(primsim.InputError) as raised:
        primsim.allocate({"A": 1}, "dhondt", seats=0)
    # CLI11 names the option --seats; Python names the argument seats.
    assert "--" + str(raised.value) == seats
    threshold = cli_message(cli("allocate", "--method", "dhondt", "--seats", "3", "--threshold", "40",
                                cli_data / "last_seat_votes.csv", check=False))
    with pytest.raises(primsim.InputError) as raised:
        primsim.allocate({"A": 1}, "dhondt", seats=3, threshold=40)
    assert "--" + str(raised.value) == threshold
