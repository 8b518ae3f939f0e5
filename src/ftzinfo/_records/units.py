"""Units a Quantity may carry: counts, percentages, areas and ISO 4217 currencies."""

from __future__ import annotations

from typing import Final

__all__ = ["AREA_UNITS", "CURRENCIES", "PLAIN_UNITS", "is_currency", "is_unit", "unit_label"]

#: Units that are not currencies.
PLAIN_UNITS: Final = frozenset({"count", "percent", "pp", "km2", "ratio"})

#: Units of area.
AREA_UNITS: Final = frozenset({"km2"})

# Active ISO 4217 codes (a closed list, so that a typo such as "USDD" is an error).
CURRENCIES: Final = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN
    BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD
    FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY
    KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP
    MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR
    RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT
    TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW
    ZWL
    """.split()  # noqa: SIM905 - a block of codes reads better than a list of strings
)

_LABELS: Final = {"count": "", "percent": "%", "pp": "pp", "km2": "km²", "ratio": "×"}


def is_currency(unit: str) -> bool:
    """Return whether ``unit`` is an ISO 4217 currency code."""
    return unit in CURRENCIES


def is_unit(unit: object) -> bool:
    """Return whether ``unit`` is a unit ftzinfo knows."""
    return isinstance(unit, str) and (unit in PLAIN_UNITS or unit in CURRENCIES)


def unit_label(unit: str) -> str:
    """Return the short label a table shows after a figure (``%``, ``km²``, ``CNY``)."""
    return _LABELS.get(unit, unit)
