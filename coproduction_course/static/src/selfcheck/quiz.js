// quiz.js: the self-check's rules, pure (the same as selfcheck.py's score()).
export function correctIndex(question) {
  return question.options.findIndex((o) => o.correct === true);
}

export function tally(questions, choices) {
  const correct = questions.filter((q) => choices[q.id] === correctIndex(q)).length;
  const answered = questions.filter((q) => choices[q.id] !== undefined).length;
  return { correct, answered, total: questions.length };
}
