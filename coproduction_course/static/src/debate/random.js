// random.js: the debate's seeded randomness, pure. The same algorithms as
// coproduction_course/debate.py; tests/golden/debate.json holds cases both
// must reproduce.
//   mulberry32(seed)      the generator, 32-bit arithmetic, floats in [0, 1)
//   shuffle(items, rng)   Fisher-Yates from the last item: j = floor(rng() * (i + 1))
//   shuffleOrder          shuffle of the motion ids with a fresh mulberry32(seed)
//   assignGroups(n, g)    shuffle of 1..n with a fresh mulberry32(seed); k-th student
//                         joins group (k mod g) + 1; groups listed in ascending order;
//                         odd-numbered groups "for", even-numbered "against".
import { fill } from "../common/text.js";

export const MAX_SEED = 4294967295;
export const MIN_STUDENTS = 2;
export const MAX_STUDENTS = 200;
export const SIDES = ["for", "against"];

export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle(items, rng) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    const keep = out[i];
    out[i] = out[j];
    out[j] = keep;
  }
  return out;
}

export function shuffleOrder(ids, seed) {
  return shuffle(ids, mulberry32(seed));
}

export function assignGroups(nStudents, nGroups, seed) {
  const students = Array.from({ length: nStudents }, (_, i) => i + 1);
  const order = shuffle(students, mulberry32(seed));
  const members = Array.from({ length: nGroups }, () => []);
  order.forEach((student, k) => members[k % nGroups].push(student));
  return members.map((list, g) => ({ group: g + 1, side: SIDES[g % 2], students: list.sort((x, y) => x - y) }));
}

// One line per group, from the interface text in data/ui.yml (debate block):
// "Group 1 (for): students 1, 4, 6", or with a class list "Group 1 (for): Ana, Ben".
// On a motion where people choose their side (`byChoice`), no side is given:
// "Group 1 (side of the group's choosing): students 1, 4, 6".
export function groupLine(group, ui, names, byChoice = false) {
  let side = group.side === "for" ? ui.side_for : ui.side_against;
  if (byChoice) side = ui.side_by_choice;
  let members;
  if (names && names.length) members = group.students.map((s) => names[s - 1]).join(", ");
  else members = fill(group.students.length === 1 ? ui.members_one : ui.members_many, { list: group.students.join(", ") });
  return fill(ui.group_line, { group: group.group, side, members });
}
