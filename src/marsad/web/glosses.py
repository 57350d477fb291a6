"""English glosses shown beside the Arabic: PLOVER event types, statuses, fact relations, and entity names."""
from __future__ import annotations

from typing import Any

# Short descriptions of the PLOVER event types (after the PLOVER/POLECAT codebook's definitions, reworded).
PLOVER: dict[str, str] = {
    "AGREE": "agrees or signs an agreement",
    "CONSULT": "meets, visits, talks or negotiates",
    "SUPPORT": "expresses support or praise",
    "CONCEDE": "concedes, eases or releases",
    "COOPERATE": "cooperates (militarily, economically, diplomatically)",
    "AID": "gives aid: arms, money, troops, relief",
    "RETREAT": "withdraws or de-escalates",
    "REQUEST": "asks for something",
    "ACCUSE": "accuses, blames or criticises",
    "REJECT": "refuses or rejects",
    "THREATEN": "threatens",
    "PROTEST": "protests or demonstrates",
    "SANCTION": "sanctions, cuts ties or expels",
    "MOBILIZE": "deploys or mobilises forces",
    "COERCE": "seizes, arrests, blockades or uses force short of attack",
    "ASSAULT": "attacks, strikes or fights",
}

STATUS: dict[str, str] = {
    "actual": "happened or is happening",
    "planned": "announced, intended or prepared",
    "possible": "speculated: could or may happen",
    "negated": "said not to have happened",
}

RELATION: dict[str, str] = {
    "member": "has member",
    "former_member": "had member",
    "founded": "founded",
    "personnel": "personnel",
    "role": "holds office in",
    "leads": "leads",
}


def name_of(entity_id: Any, names: dict[str, dict]) -> str | None:
    """The English name of an entity id (the id itself when the store does not know it)."""
    if not entity_id:
        return None
    return (names.get(str(entity_id)) or {}).get("name") or str(entity_id)


def gloss_event(ev: dict, names: dict[str, dict]) -> dict[str, Any]:
    """The English gloss of one event: type and status described, actor/recipient/location/source named."""
    qty = ev.get("quantity") or {}
    return {
        "type": PLOVER.get(str(ev.get("type") or "").upper(), ""),
        "status": STATUS.get(str(ev.get("status") or ""), ""),
        "actor": name_of(ev.get("actor"), names),
        "recipient": name_of(ev.get("recipient"), names),
        "location": name_of(ev.get("location"), names),
        "source": name_of(ev.get("source"), names),
        "quantity": f"{qty.get('value'):g} {qty.get('unit') or ''}".strip()
        if isinstance(qty.get("value"), (int, float)) else None,
    }


def gloss_fact(fact: dict, names: dict[str, dict]) -> dict[str, Any]:
    """The English gloss of one fact."""
    return {"subject": name_of(fact.get("subject"), names), "relation": RELATION.get(fact.get("relation") or "", ""),
            "object": name_of(fact.get("object"), names)}


def ids_in(items: list[dict], keys: tuple[str, ...]) -> list[str]:
    """Every distinct entity id under ``keys`` of ``items``."""
    out: list[str] = []
    for item in items:
        for k in keys:
            v = item.get(k)
            if v and v not in out:
                out.append(str(v))
    return out
