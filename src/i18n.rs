//! labkit's own words (table headers, labels, messages) in English and European Portuguese.
//!
//! One catalogue per language, keyed by short ids; a missing Portuguese string falls back to
//! English. Method text lives in the method files, not here.

use crate::lang::Lang;

const EN: &[(&str, &str)] = &[
    ("col.id", "ID"),
    ("col.name", "Name"),
    ("col.stage", "Stage"),
    ("col.duration", "Duration"),
    ("col.group", "Group"),
    ("col.source", "Source"),
    ("show.summary", "Summary"),
    ("show.when_to_use", "When to use"),
    ("show.duration", "Duration"),
    ("show.group", "Group"),
    ("show.people", "people"),
    ("show.stage", "Stage"),
    ("show.roles", "Roles"),
    ("show.materials", "Materials"),
    ("show.considerations", "Considerations"),
    ("show.steps", "Steps"),
    ("show.sources", "Sources"),
    ("show.before", "Usually before"),
    ("show.after", "Usually after"),
    ("show.optional", "optional"),
    ("show.asked_when", "asked when"),
    ("show.items_from", "items from"),
    ("show.blocks", "Blocks"),
    ("show.break", "Break"),
    ("show.playbook", "Playbook"),
    ("show.origin", "Loaded from"),
    ("report.kicker", "Workshop record"),
    ("report.playbook_kicker", "Workshop record · playbook"),
    ("report.draft", "Draft — session in progress"),
    ("report.toc", "Contents"),
    ("report.date", "Date"),
    ("report.lab", "Lab"),
    ("report.facilitator", "Facilitator"),
    ("report.participants", "Participants"),
    ("report.method", "Method"),
    ("report.status", "Status"),
    ("report.finished", "finished"),
    ("report.in_progress", "in progress"),
    (
        "report.footer",
        "Made with labkit from the session of {date}.",
    ),
    ("report.dots", "Dots"),
    ("report.item", "Item"),
    ("report.total", "Total"),
    ("report.rank", "Rank"),
    ("report.no_answer", "No answer."),
    ("report.quadrant", "Quadrant"),
    ("report.time_spent", "Time spent"),
    ("report.minutes", "min"),
    ("report.sources", "Sources"),
    ("catalogue.title", "labkit method catalogue"),
    ("agenda.suggested_break", "Break (suggested)"),
    ("agenda.day", "Day"),
    ("agenda.start", "Start"),
    ("agenda.end", "End"),
    ("agenda.block", "Block"),
    ("agenda.minutes", "Minutes"),
    ("agenda.total", "Total {total}, ends {end}"),
    (
        "agenda.total_days",
        "Total {total} over {days} days, ends on day {days} at {end}",
    ),
    (
        "suggest.none",
        "no method fits; allow more minutes, or drop a filter",
    ),
    ("portfolio.title", "Lab portfolio"),
    ("portfolio.sessions", "Sessions"),
    ("portfolio.by_stage", "By stage"),
    ("portfolio.method", "Method"),
    ("portfolio.about", "About"),
    ("portfolio.status", "Status"),
    ("portfolio.decision", "Decision"),
    ("portfolio.started", "Started"),
    ("portfolio.updated", "Updated"),
    ("portfolio.count", "{n} sessions"),
    ("list.none", "no methods match"),
    ("origin.builtin", "built-in"),
    ("origin.env", "LABKIT_PATH"),
    ("origin.workspace", "workspace"),
    ("origin.path", "path"),
    ("answer.yes", "yes"),
    ("answer.no", "no"),
    ("answer.skipped", "—"),
    (
        "review.step",
        "Review: continue, or pick an answer to change",
    ),
    (
        "review.final",
        "Final review of every answer: finish, or pick one to change",
    ),
    ("review.continue", "✓ Continue"),
    ("review.finish", "✓ Finish"),
    ("validate.ok", "no problems found"),
    (
        "validate.summary",
        "{files} files checked: {errors} problems in {bad} files",
    ),
    ("stage.setup", "setup"),
    ("stage.framing", "framing"),
    ("stage.research", "research"),
    ("stage.ideation", "ideation"),
    ("stage.experiment", "experiment"),
    ("stage.learning", "learning"),
    ("error.unknown_method", "unknown method `{id}`"),
    (
        "error.skipped",
        "skipped {file}: it has problems (run `labkit validate` for details)",
    ),
];

const PT: &[(&str, &str)] = &[
    ("col.id", "ID"),
    ("col.name", "Nome"),
    ("col.stage", "Fase"),
    ("col.duration", "Duração"),
    ("col.group", "Grupo"),
    ("col.source", "Origem"),
    ("show.summary", "Resumo"),
    ("show.when_to_use", "Quando usar"),
    ("show.duration", "Duração"),
    ("show.group", "Grupo"),
    ("show.people", "pessoas"),
    ("show.stage", "Fase"),
    ("show.roles", "Papéis"),
    ("show.materials", "Materiais"),
    ("show.considerations", "Cuidados a ter"),
    ("show.steps", "Passos"),
    ("show.sources", "Fontes"),
    ("show.before", "Normalmente antes"),
    ("show.after", "Normalmente depois"),
    ("show.optional", "opcional"),
    ("show.asked_when", "perguntado quando"),
    ("show.items_from", "itens de"),
    ("show.blocks", "Blocos"),
    ("show.break", "Intervalo"),
    ("show.playbook", "Roteiro"),
    ("show.origin", "Carregado de"),
    ("report.kicker", "Registo da sessão"),
    ("report.playbook_kicker", "Registo da sessão · roteiro"),
    ("report.draft", "Rascunho — sessão em curso"),
    ("report.toc", "Índice"),
    ("report.date", "Data"),
    ("report.lab", "Laboratório"),
    ("report.facilitator", "Facilitador"),
    ("report.participants", "Participantes"),
    ("report.method", "Método"),
    ("report.status", "Estado"),
    ("report.finished", "concluída"),
    ("report.in_progress", "em curso"),
    (
        "report.footer",
        "Feito com labkit a partir da sessão de {date}.",
    ),
    ("report.dots", "Pontos"),
    ("report.item", "Item"),
    ("report.total", "Total"),
    ("report.rank", "Posição"),
    ("report.no_answer", "Sem resposta."),
    ("report.quadrant", "Quadrante"),
    ("report.time_spent", "Tempo gasto"),
    ("report.minutes", "min"),
    ("report.sources", "Fontes"),
    ("catalogue.title", "Catálogo de métodos do labkit"),
    ("agenda.suggested_break", "Intervalo (sugerido)"),
    ("agenda.day", "Dia"),
    ("agenda.start", "Início"),
    ("agenda.end", "Fim"),
    ("agenda.block", "Bloco"),
    ("agenda.minutes", "Minutos"),
    ("agenda.total", "Total {total}, termina às {end}"),
    (
        "agenda.total_days",
        "Total {total} em {days} dias, termina no dia {days} às {end}",
    ),
    (
        "suggest.none",
        "nenhum método cabe; dê mais minutos ou retire um filtro",
    ),
    ("portfolio.title", "Portefólio do laboratório"),
    ("portfolio.sessions", "Sessões"),
    ("portfolio.by_stage", "Por fase"),
    ("portfolio.method", "Método"),
    ("portfolio.about", "Sobre"),
    ("portfolio.status", "Estado"),
    ("portfolio.decision", "Decisão"),
    ("portfolio.started", "Início"),
    ("portfolio.updated", "Atualizada"),
    ("portfolio.count", "{n} sessões"),
    ("list.none", "nenhum método corresponde"),
    ("origin.builtin", "incluído"),
    ("origin.env", "LABKIT_PATH"),
    ("origin.workspace", "área de trabalho"),
    ("origin.path", "caminho"),
    ("answer.yes", "sim"),
    ("answer.no", "não"),
    ("answer.skipped", "—"),
    (
        "review.step",
        "Revisão: continuar, ou escolher uma resposta para alterar",
    ),
    (
        "review.final",
        "Revisão final de todas as respostas: terminar, ou escolher uma para alterar",
    ),
    ("review.continue", "✓ Continuar"),
    ("review.finish", "✓ Terminar"),
    ("validate.ok", "nenhum problema encontrado"),
    (
        "validate.summary",
        "{files} ficheiros verificados: {errors} problemas em {bad} ficheiros",
    ),
    ("stage.setup", "preparação"),
    ("stage.framing", "enquadramento"),
    ("stage.research", "investigação"),
    ("stage.ideation", "ideação"),
    ("stage.experiment", "experimentação"),
    ("stage.learning", "aprendizagem"),
    ("error.unknown_method", "método desconhecido `{id}`"),
    (
        "error.skipped",
        "{file} ignorado: tem problemas (corra `labkit validate` para ver os detalhes)",
    ),
];

fn catalogue(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => EN,
        Lang::Pt => PT,
    }
}

/// The string for `key` in `lang`, falling back to English, then to the key itself.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    let find = |cat: &'static [(&'static str, &'static str)]| {
        cat.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    };
    find(catalogue(lang)).or_else(|| find(EN)).unwrap_or(key)
}

/// Like `t`, for keys that come from templates at run time; `None` when the key is unknown.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let find = |cat: &'static [(&'static str, &'static str)]| {
        cat.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    };
    find(catalogue(lang)).or_else(|| find(EN))
}

/// `t` with `{name}` placeholders filled in.
pub fn tf(lang: Lang, key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut text = t(lang, key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_have_the_same_keys() {
        let keys = |cat: &[(&'static str, &'static str)]| -> Vec<&'static str> {
            let mut k: Vec<&str> = cat.iter().map(|(k, _)| *k).collect();
            k.sort_unstable();
            k
        };
        assert_eq!(keys(EN), keys(PT));
        let mut unique = keys(EN);
        unique.dedup();
        assert_eq!(
            unique.len(),
            EN.len(),
            "duplicate key in the English catalogue"
        );
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            tf(Lang::Pt, "error.unknown_method", &[("id", &"x")]),
            "método desconhecido `x`"
        );
    }
}
