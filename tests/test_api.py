from __future__ import annotations

import pytest

import ftzinfo
from ftzinfo import InitiativeKind, UnknownRecordError, UnknownZoneError, ZoneKind
from ftzinfo._records.names import normalise


@pytest.mark.parametrize(
    ("key", "zone_id"),
    [
        ("lingang", "cn-shanghai-lingang"),
        ("Lin-gang Special Area", "cn-shanghai-lingang"),
        ("LIN GANG special-area", "cn-shanghai-lingang"),
        ("临港新片区", "cn-shanghai-lingang"),
        ("ＬＩＮＧＡＮＧ", "cn-shanghai-lingang"),
        ("cn-shanghai-lingang", "cn-shanghai-lingang"),
        ("qianhai", "cn-qianhai-cooperation-zone"),
        ("前海", "cn-qianhai-cooperation-zone"),
        ("临港", "cn-shanghai-lingang"),
        ("横琴", "cn-hengqin-cooperation-zone"),
        ("Hengqin", "cn-hengqin-cooperation-zone"),
        ("南沙", "cn-guangzhou-nansha"),
        ("Shanghai FTZ", "cn-shanghai-ftz"),
        ("中国（上海）自由贸易试验区", "cn-shanghai-ftz"),
    ],
)
def test_zone_lookup(key, zone_id):
    assert ftzinfo.zone(key).id == zone_id


def test_zone_accepts_a_zone():
    z = ftzinfo.zone("lingang")
    assert ftzinfo.zone(z) is z


def test_unknown_zone_suggests():
    with pytest.raises(UnknownZoneError) as info:
        ftzinfo.zone("lingan")
    assert isinstance(info.value, LookupError)
    assert "Lin-gang Special Area" in str(info.value)
    assert info.value.suggestions[0] == "Lin-gang Special Area"


def test_get_zone_returns_default():
    assert ftzinfo.get_zone("atlantis") is None
    z = ftzinfo.zone("qianhai")
    assert ftzinfo.get_zone("atlantis", z) is z
    assert ftzinfo.get_zone("前海") is z


def test_zone_rejects_non_strings():
    with pytest.raises(TypeError):
        ftzinfo.zone(42)  # type: ignore[arg-type]


def test_zones_sorted_and_filtered():
    all_zones = ftzinfo.zones()
    assert [z.id for z in all_zones] == sorted(z.id for z in all_zones)
    assert all(z.country == "CN" for z in ftzinfo.zones(country="cn"))
    specials = ftzinfo.zones(kind="special_area")
    assert specials
    assert all(z.kind is ZoneKind.SPECIAL_AREA for z in specials)
    assert "cn-shanghai-lingang-offshore-finance-zone" in [z.id for z in ftzinfo.zones(parent="lingang")]


@pytest.mark.parametrize(
    ("text", "zone_id"),
    [
        ("lingnag", "cn-shanghai-lingang"),
        ("qianhia", "cn-qianhai-cooperation-zone"),
        ("Financial City", "cn-qianhai-financial-city"),
    ],
)
def test_search_forgives_typos(text, zone_id):
    assert ftzinfo.search(text)[0].id == zone_id


def test_search_limit_and_nonsense():
    assert len(ftzinfo.search("zone", limit=2)) <= 2
    assert ftzinfo.search("") == []
    assert ftzinfo.search("qqqqqqqqqq") == []


def test_hierarchy():
    assert ftzinfo.parent("lingang").id == "cn-shanghai-ftz"
    assert ftzinfo.parent("cn-shanghai-ftz") is None
    assert "cn-shanghai-lingang" in [z.id for z in ftzinfo.children("shanghai ftz")]
    assert [z.id for z in ftzinfo.dataset().ancestors("cn-qianhai-financial-city-leasing-cluster")] == [
        "cn-qianhai-financial-city",
        "cn-qianhai-cooperation-zone",
    ]


def test_initiatives_filters():
    lingang = ftzinfo.initiatives("lingang")
    assert "cn-shanghai-lingang-work-plan-2026" in {i.id for i in lingang}
    plans = ftzinfo.initiatives("lingang", kind=InitiativeKind.PLAN)
    assert plans
    assert all(i.kind is InitiativeKind.PLAN for i in plans)
    assert all(i.status.value == "planned" for i in ftzinfo.initiatives(status="planned"))
    assert len(ftzinfo.initiatives()) >= len(lingang)


def test_metrics_filters():
    found = ftzinfo.metrics("cn-qianhai-financial-city", indicator="financial_institutions")
    assert "518" in [str(m.value) for m in found]
    assert all(m.indicator == "financial_institutions" for m in found)
    assert ftzinfo.metrics("lingang", indicator="leasing_assets") == ()
    with pytest.raises(UnknownRecordError, match="indicator"):
        ftzinfo.metrics("qianhai", indicator="no_such_indicator")


def test_sources_and_indicators():
    source = ftzinfo.source("src-chinadailyhk-qianhai-finance-magnet")
    assert source.author == "Li Bingcun"
    assert source in ftzinfo.sources()
    assert ftzinfo.indicator("leasing_assets").measure.value == "stock"
    assert ftzinfo.indicators()[0].id == "financial_institutions"
    with pytest.raises(UnknownRecordError):
        ftzinfo.source("nope")


def test_dataset_is_loaded_once():
    assert ftzinfo.dataset() is ftzinfo.dataset()


def test_republication_cites_its_original(ds):
    zone = ds.zone("lingang")
    ids = [s.id for s in ds.sources_of(zone)]
    assert "src-digitalphablet-lingang-offshore-finance-zone" in ids
    assert "src-yicai-lingang-offshore-finance-zone" in ids


def test_compare():
    table = ftzinfo.compare("qianhai", "lingang")
    assert [z.id for z in table.zones] == ["cn-qianhai-cooperation-zone", "cn-shanghai-lingang"]
    rows = {r["indicator"]: r for r in table.to_records()}
    assert rows["new_licensed_financial_institutions"]["cn-qianhai-cooperation-zone"] == "7"
    assert rows["new_licensed_financial_institutions"]["cn-shanghai-lingang"] is None
    assert table.cell("new_licensed_financial_institutions", "cn-shanghai-lingang") is None
    text = str(table)
    assert "Qianhai" in text
    assert "https://www.chinadailyasia.com/article/625451" in text


def test_compare_chosen_indicators():
    table = ftzinfo.compare(
        "cn-qianhai-financial-city", "qianhai", indicators=["foreign_share_of_financial_institutions"]
    )
    assert [i.id for i in table.indicators] == ["foreign_share_of_financial_institutions"]
    assert table.to_records()[0]["cn-qianhai-financial-city"] == "≈ 30 %"
    long = table.to_long_records()
    assert long[0]["qualifier"] == "nearly"
    assert long[0]["high"] == 30


def test_public_names_are_sorted_and_real():
    def group(name: str) -> tuple[int, str]:  # constants, then classes, then functions (isort style)
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert ftzinfo.__all__ == sorted(ftzinfo.__all__, key=group)
    for name in ftzinfo.__all__:
        assert hasattr(ftzinfo, name)


def test_versions():
    assert ftzinfo.__version__
    year, release = ftzinfo.DATA_VERSION.split(".")
    assert int(year) >= 2026
    assert int(release) >= 1


def test_lookup_errors_pickle():
    import pickle  # noqa: PLC0415

    err = pickle.loads(pickle.dumps(UnknownZoneError("lingan", ["Lin-gang Special Area"])))  # noqa: S301
    assert isinstance(err, UnknownZoneError)
    assert err.suggestions == ("Lin-gang Special Area",)
    assert str(err) == str(UnknownZoneError("lingan", ["Lin-gang Special Area"]))


def test_rates():
    assert str(ftzinfo.rate("CNY", "USD", 2019).value) == "6.9081"
    official = ftzinfo.rate("CNY", "USD", 2016)
    assert official.series == "official"
    assert str(official.value) == "6.6423"
    assert ftzinfo.rate("CNY", "USD", 2015).series == "fed-g5a"  # preferred where both exist
    assert ftzinfo.rate("CNY", "USD", 2015, series="official").text == "622.84"
    with pytest.raises(UnknownRecordError, match="CNY per USD in 1990"):
        ftzinfo.rate("CNY", "USD", 1990)
    assert len(ftzinfo.rates()) >= 11


def test_module_functions_match_the_dataset_methods_they_stand_for():
    import inspect  # noqa: PLC0415

    deprecated = {("indicator", "indicator_id")}  # kept for one release, then removed
    for name in ftzinfo._api.__all__:
        function = getattr(ftzinfo._api, name)
        method = getattr(ftzinfo.Dataset, name, None)
        if method is None or isinstance(function, type):
            continue
        mine = [
            (p, v.default) for p, v in inspect.signature(function).parameters.items() if (name, p) not in deprecated
        ]
        theirs = [(p, v.default) for p, v in list(inspect.signature(method).parameters.items())[1:]]
        assert [p for p, _ in mine] == [p for p, _ in theirs], name


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("compare", "ftzinfo._analysis.compare"),
        ("rank", "ftzinfo._analysis.rank"),
        ("series", "ftzinfo._analysis.series"),
        ("area_rollup", "ftzinfo._analysis.rollup"),
        ("cite", "ftzinfo._io.cite"),
    ],
)
def test_module_functions_match_the_analysis_they_call(name, module):
    """The API function takes the analysis function's parameters, then ``dataset=`` (theirs comes first)."""
    import importlib  # noqa: PLC0415
    import inspect  # noqa: PLC0415

    mine = list(inspect.signature(getattr(ftzinfo, name)).parameters)
    theirs = list(inspect.signature(getattr(importlib.import_module(module), name)).parameters)
    assert mine == [*theirs[1:], "dataset"], name


@pytest.mark.parametrize(
    ("method", "call"),
    [
        ("compare", lambda ds: ds.compare("qianhai", "lingang")),
        ("rank", lambda ds: ds.rank("area_km2", zones=["qianhai", "lingang"])),
        ("series", lambda ds: ds.series("qianhai", "fdi_utilized")),
        ("area_rollup", lambda ds: ds.area_rollup("cn-tianjin-ftz")),
        ("cite", lambda ds: ds.cite(ds.zone("lingang"))),
        ("to_dict", lambda ds: ds.to_dict()),
        ("rate_by_id", lambda ds: ds.rate_by_id(ds.rates()[0].id)),
    ],
)
def test_methods_that_left_dataset_still_answer_with_a_warning(method, call):
    ds = ftzinfo.dataset()
    with pytest.warns(DeprecationWarning, match=rf"Dataset\.{method}\(\) is deprecated.*use "):
        old = call(ds)
    assert old is not None
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        ds.nonsense  # noqa: B018 - the attribute lookup is the test


def test_the_moved_methods_give_what_the_functions_give():
    ds = ftzinfo.dataset()
    with pytest.warns(DeprecationWarning, match="compare"):
        assert str(ds.compare("qianhai", "lingang")) == str(ftzinfo.compare("qianhai", "lingang", dataset=ds))
    with pytest.warns(DeprecationWarning, match="to_dict"):
        assert ds.to_dict() == ftzinfo.to_dict(ds)


def test_the_old_keyword_of_indicator_warns():
    with pytest.warns(DeprecationWarning, match="indicator_id"):
        assert ftzinfo.indicator(indicator_id="trade_value").id == "trade_value"


def test_every_module_lists_what_it_offers_in_its_all():
    import importlib  # noqa: PLC0415
    import inspect  # noqa: PLC0415
    import pkgutil  # noqa: PLC0415

    for info in pkgutil.iter_modules(ftzinfo.__path__):
        if info.name == "__main__" or info.ispkg:
            continue
        module = importlib.import_module(f"ftzinfo.{info.name}")
        declared = module.__all__
        assert all(hasattr(module, name) for name in declared), info.name
        public = [
            name
            for name, value in vars(module).items()
            if not name.startswith("_")
            and (inspect.isfunction(value) or inspect.isclass(value))
            and value.__module__ == module.__name__
        ]
        assert set(public) <= set(declared), (info.name, sorted(set(public) - set(declared)))


@pytest.mark.parametrize("field", ["id", "name"])
def test_a_slip_in_an_indicator_is_suggested_back(ds, field):
    # Every indicator, by id and by name, with one character dropped from the middle.
    for ind in ds.indicators():
        text = getattr(ind, field)
        slip = text[: len(text) // 2] + text[len(text) // 2 + 1 :]
        if normalise(slip) in {normalise(ind.id), normalise(ind.name)}:
            assert ds.indicator(slip) is ind  # the slip only dropped a space or punctuation
            continue
        with pytest.raises(UnknownRecordError) as caught:
            ds.indicator(slip)
        suggested = caught.value.suggestions
        assert ind.id in suggested, (slip, suggested)
        assert len(set(suggested)) == len(suggested) <= 3
