### As palavras do próprio labkit em português europeu. Ids: as chaves Rust com `-` por `.` e um
### `-` dentro de uma parte dobrado (`help.calc.sample-size.about` é `help-calc-sample--size-about`).
### Ver docs/translating.md.

col-id = ID
col-name = Nome
col-stage = Fase
col-duration = Duração
col-group = Grupo
col-source = Origem
show-when_to_use = Quando usar
show-duration = Duração
show-group = Grupo
show-people = pessoas
show-stage = Fase
show-roles = Papéis
show-materials = Materiais
show-considerations = Cuidados a ter
show-steps = Passos
show-sources = Fontes
show-before = Normalmente antes
show-after = Normalmente depois
show-optional = opcional
show-room = aberta à sala
show-items_from = itens de
show-blocks = Blocos
show-break = Intervalo
show-playbook = Roteiro
show-origin = Carregado de
report-kicker = Registo da sessão
report-playbook_kicker = Registo da sessão · roteiro
report-draft = Rascunho — sessão em curso
report-toc = Índice
report-date = Data
report-lab = Laboratório
report-facilitator = Facilitador
report-participants = Participantes
report-method = Método
report-status = Estado
report-finished = concluída
report-in_progress = em curso
report-footer = Feito com labkit a partir da sessão de { $date }.
report-dots = Pontos
report-item = Item
report-total = Total
report-rank = Posição
report-no_answer = Sem resposta.
report-not_scored = Sem avaliação:
report-quadrant = Quadrante
report-time_spent = Tempo gasto
report-minutes = min
report-sources = Fontes
catalogue-title = Catálogo de métodos do labkit
agenda-suggested_break = Intervalo (sugerido)
agenda-day = Dia
agenda-start = Início
agenda-end = Fim
agenda-block = Bloco
agenda-minutes = Minutos
agenda-total = Total { $total }, termina às { $end }
agenda-part = { $title } (dia { $n } de { $days })
suggest-none = nenhum método cabe; dê mais minutos ou retire um filtro
portfolio-title = Portefólio do laboratório
portfolio-sessions = Sessões
portfolio-by_stage = Por fase
portfolio-method = Método
portfolio-about = Sobre
portfolio-status = Estado
portfolio-decision = Decisão
portfolio-started = Início
portfolio-updated = Atualizada
portfolio-count =
    { $n ->
        [one] { $n } sessão
       *[other] { $n } sessões
    }
hint-enter = Enter aceita
hint-lines = uma por linha; uma linha vazia termina
hint-rows = uma linha de cada vez; um primeiro campo vazio termina
hint-choose = ↑↓ e Enter escolhem
hint-confirm = s ou n; Enter escolhe a maiúscula
hint-skip = - salta
hint-back = < volta atrás
hint-edit = /e N edita · /d N apaga · /m N M move
hint-stop = Ctrl-C para (tudo guardado)
hint-stop_esc = Esc para (tudo guardado)
hint-multiselect = espaço marca
prompt-kept =
    { $n ->
        [one] { $n } entrada até agora:
       *[other] { $n } entradas até agora:
    }
prompt-editing = a editar
prompt-row_editing = a alterar a linha { $n } (Enter mantém o campo como está)
vote-current = pontos até agora:
rank-place = Lugar { $k } de { $n }
rank-before = a ordenação até agora (Enter em cada lugar mantém-na):
engine-back_keeps = { $message }; as entradas mantêm-se — complete-as (ou `/d N` para apagar) antes de voltar atrás
engine-first_question = esta é a primeira pergunta; não há nada antes dela
engine-skip_has_entries = já há entradas; uma linha vazia termina, `/d N` apaga uma
engine-whole_dots = esperava-se um número inteiro de pontos (0 ou mais)
engine-whole_voters = esperava-se um número inteiro de pessoas (1 ou mais)
engine-not_an_item = não é um dos itens
engine-no_entry = não há entrada { $k } (há { $n })
engine-unknown_command = `{ $cmd }` não é um comando: `/e N`, `/d N`, `/m N M`; comece com `\` para o escrever como texto

## The room: the facilitator's panel and opening a room (`run --room`).

room-hint-add = texto + Enter junta
room-hint-hide = /h N esconde
room-hint-unhide = /u N volta a mostrar
room-hint-merge = /m N M funde N em M
room-hint-results = /r resultados sim/não
room-hint-close = Enter duas vezes fecha
room-panel-left = faltam { $time }
room-panel-over = tempo esgotado (+{ $time })
room-panel-devices = { $joined } ligados · { $answered } responderam
room-panel-results_on = resultados visíveis para os participantes
room-panel-results_off = resultados escondidos dos participantes
room-panel-results_now_on = os resultados passam a ser mostrados nos dispositivos dos participantes e no projetor
room-panel-results_now_off = os resultados deixam de ser mostrados nos dispositivos dos participantes e no projetor
room-panel-confirm_close = prima Enter outra vez para fechar a pergunta (qualquer outra tecla continua)
room-panel-unknown_command = `{ $cmd }` não é um comando aqui: { $commands }
room-panel-only_commands = os participantes respondem nos seus dispositivos: aqui `/r` mostra os resultados e um Enter vazio fecha
room-panel-no_back = daqui não há para onde voltar
room-panel-not_open = nenhuma pergunta está aberta à sala neste momento; aguarde que o facilitador abra a próxima
room-panel-nothing = ainda nada
room-panel-entries =
    { $n ->
        [one] { $n } entrada
       *[other] { $n } entradas
    }
room-panel-aside =
    { $n ->
        [one] { $n } posta de lado
       *[other] { $n } postas de lado
    }
room-panel-earlier =
    { $n ->
        [one] … { $n } entrada anterior
       *[other] … { $n } entradas anteriores
    }
room-panel-more =
    { $n ->
        [one] … mais { $n }
       *[other] … mais { $n }
    }
room-panel-anonymous = anónimo
room-panel-facilitator = facilitação
room-panel-hidden = escondida
room-panel-merged = fundida em #{ $id }
room-panel-withdrawn = retirada
room-panel-points =
    { $n ->
        [one] { $n } ponto
       *[other] { $n } pontos
    }
room-panel-answered =
    { $n ->
        [one] { $n } resposta
       *[other] { $n } respostas
    }
room-start-needs_terminal = `--room` precisa de um terminal: o facilitador conduz a sala a partir do teclado (retire `--no-input` e corra o labkit num terminal)
room-start-open_at = Sala aberta: { $url }
room-start-how_to_join = Os participantes abrem este endereço num telemóvel ou portátil na mesma rede, ou leem o código QR.
room-start-this_computer_only = Só este computador consegue abrir este endereço: serve para um projetor, não para telemóveis.
room-start-no_network = Não foi encontrada rede, por isso só este computador consegue abrir este endereço (serve para um projetor, não para telemóveis); ligue-se a uma rede, ou indique --room-bind IP.
room-start-stored = Tudo o que os participantes enviam é guardado em { $path } à medida que chega.
room-start-port_in_use = a porta { $port } já está em uso em { $ip }; escolha outra com `--room-port N`, ou `--room-port 0` para qualquer porta livre
room-start-port_taken = a porta { $default } está em uso; a sala ficou com a porta { $port }
room-start-bind_unavailable = `{ $ip }` não é um endereço deste computador; retire `--room-bind` para usar o endereço de rede, ou indique 127.0.0.1
room-start-failed = não foi possível abrir a sala em { $addr }: { $error }
timer-keys = Enter termina · espaço pausa · + 1 min
timer-paused = em pausa
timer-up = o tempo acabou — prima Enter para continuar
timer-ended_early = terminou com { $left } por usar
prompt-start_countdown = Iniciar a contagem decrescente de { $duration }?
prompt-row = linha { $n }
prompt-facilitator = Facilitador
prompt-participants = Participantes (separados por vírgulas, opcional)
vote-how = Como se contam os pontos?
vote-totals = Registar o total de pontos de cada item (contados na parede)
vote-in_turn = Os participantes votam aqui à vez, { $dots ->
        [one] { $dots } ponto
       *[other] { $dots } pontos
    } cada
vote-voters = Quantas pessoas votam?
vote-turn = Participante { $voter }/{ $voters }, ponto { $dot }/{ $dots } (pode acumular pontos)
run-session = sessão: { $path }
run-saved = sessão guardada: { $path }
run-stopped = parado; todas as respostas e entradas até aqui estão guardadas. Continue com: { $command }
session-locked = `{ $session }` está aberta noutro labkit ({ $holder }); termine-a ou pare-a lá (Ctrl-C) e depois retome-a aqui com `labkit resume`
session-schema_newer = esta sessão foi escrita por um labkit mais recente (schema de sessão { $schema }); este labkit lê sessões até ao schema { $known }
session-schema_newer_hint = atualize o labkit para a abrir; o ficheiro fica como está
session-schema_unknown = o schema 0 não é um schema de sessão; o labkit escreve sessões com os schemas 1 a { $known }
session-bad_language = `{ $code }` não é uma língua que o labkit fale
session-bad_language_hint = escreva `en` ou `pt`
session-bad_time = `{ $value }` não é uma data e hora; o labkit escreve-as como `2026-11-26T14:27:52Z`
run-using_copy = o ficheiro do método `{ $id }` não foi encontrado aqui; usa-se a cópia guardada na sessão
run-using_copy_broken = { $file } tem problemas (`labkit validate` mostra-os); usa-se a cópia de `{ $id }` guardada na sessão
run-method_missing_hint = ; não foi encontrado nas pastas de métodos e a sessão não guarda uma cópia (foi iniciada com um labkit mais antigo): ponha `{ $id }.yaml` na pasta methods/ do espaço de trabalho, ou use `--methods PASTA`
run-broken_override = este ficheiro define aqui `{ $id }`, em vez do que vem de outra origem ({ $origin }), mas tem problemas; o labkit para em vez de usar esse outro `{ $id }`
run-broken_override_hint = corrija os problemas abaixo (`labkit validate` também os mostra), ou tire o ficheiro das pastas de métodos para usar o outro ({ $origin })
run-answer_wrong = a resposta a `{ $id }` não serve para a pergunta: { $reason }
run-answers_not_mapping = as respostas de `{ $id }` têm de ser um mapeamento de id de pergunta para resposta
run-answers_hint = o ficheiro fica como está; corrija estas respostas (ou apague-as para voltarem a ser perguntadas) e retome
run-in_progress_unknown = a pergunta em curso, `{ $id }`, não é uma pergunta do método desta sessão
run-in_progress_shape = as entradas em curso não têm a forma de uma resposta a `{ $id }`
run-in_progress_hint = o ficheiro fica como está; corrija ou retire a parte `in_progress` para continuar
run-already_finished = esta sessão já terminou; as respostas estão em { $path }
run-no_terminal = sem terminal o labkit nunca pergunta: use `--answers FICHEIRO`, `--set ID=VALOR` ou `--defaults`
run-no_terminal_resume = `labkit resume` faz as perguntas que faltam, por isso precisa de um terminal; sem ele, complete as respostas numa nova sessão: `{ $command }`, com `--set ID=VALOR` ou `--defaults` para as restantes
report-written = relatório escrito: { $path }
check-number = esperava-se um número
check-whole = esperava-se um número inteiro, recebido { $n }
check-between = tem de estar entre { $min } e { $max }
check-yes_no = esperava-se sim ou não
check-scale = esperava-se um número inteiro de { $min } a { $max }
check-date = `{ $text }` não é uma data; escreva-a como AAAA-MM-DD
check-choice = `{ $text }` não é uma das opções: { $choices }
check-at_least = indique pelo menos { $m } (recebido { $n })
check-at_most = indique no máximo { $m } (recebido { $n })
check-required = é preciso uma resposta
check-min_length =
    { $n ->
        [one] pelo menos { $n } carácter
       *[other] pelo menos { $n } caracteres
    }
check-max_length =
    { $n ->
        [one] no máximo { $n } carácter
       *[other] no máximo { $n } caracteres
    }
check-pattern = não corresponde ao padrão `{ $p }`
check-missing = falta a resposta: { $prompt }
label-error = erro
label-warning = aviso
label-hint = dica
source-flag = opção { $flag }
source-env = ambiente { $var }
source-default = predefinição
config-setting = definição
config-value = valor
config-from = origem
duration-invalid = `{ $input }` não é uma duração; escreva-a como `90s`, `10m`, `1h30m` ou `2d`
duration-no_unit = `{ $n }` não tem unidade; escreva `{ $n }m` para minutos (ou `s`, `h`, `d`)
duration-negative = `{ $n }` não é uma duração; escreva-a como `10m` ou `1h30m`
duration-decimal = `{ $n }` não é uma duração; escreva `1h30m` em vez de um número decimal
list-none = nenhum método corresponde
origin-builtin = incluído
origin-env = LABKIT_PATH
origin-workspace = área de trabalho
origin-path = caminho
origin-copy = cópia guardada na sessão
answer-yes = sim
answer-no = não
answer-skipped = —
review-step = Revisão: continuar, ou escolher uma resposta para alterar
review-final = Revisão final de todas as respostas: terminar, ou escolher uma para alterar
review-continue = ✓ Continuar
review-finish = ✓ Terminar
validate-ok = nenhum problema encontrado
validate-summary = { $files } verificados: { $errors } em { $bad }
validate-files =
    { $n ->
        [one] { $n } ficheiro
       *[other] { $n } ficheiros
    }
validate-problems =
    { $n ->
        [one] { $n } problema
       *[other] { $n } problemas
    }
stage-setup = preparação
stage-framing = enquadramento
stage-research = investigação
stage-ideation = ideação
stage-experiment = experimentação
stage-learning = aprendizagem
error-unknown_method = método desconhecido `{ $id }`
error-skipped = { $file } ignorado: tem problemas (corra `labkit validate` para ver os detalhes)
validate-text_empty = o texto está vazio
validate-source_title_empty = o título da fonte está vazio
validate-source_url = `{ $url }` não é um endereço web; comece-o por `https://`
validate-group_size = `{ $value }` não é um tamanho de grupo; escreva `5`, `2-8` ou `4+`
validate-not_method_id = `{ $id }` não é um id de método
validate-schema_unsupported = o schema `{ $schema }` não é suportado; este labkit lê o schema `1`
validate-bad_id = `{ $id }` não é um id válido; use letras minúsculas, algarismos e hífenes simples, como em `test-card`
validate-id_not_file_name = o id `{ $id }` não corresponde ao nome do ficheiro `{ $stem }.yaml`
validate-id_not_file_name_hint = mude o nome do ficheiro para `{ $id }.yaml` ou defina `id: { $stem }`
validate-playbook_kind = um roteiro precisa de `methods:`, não de `steps:`
validate-version_zero = a versão começa em 1
validate-no_steps = um método precisa de pelo menos um passo
validate-bad_step_id = `{ $id }` não é um id de passo válido; use letras minúsculas, algarismos, `_` ou `-`
validate-step_id_twice = o id de passo `{ $id }` é usado duas vezes
validate-question_id_twice = o id de pergunta `{ $id }` é usado duas vezes; as respostas são guardadas pelo id da pergunta, por isso os ids têm de ser únicos num método
validate-question_id_is_helper = o id de pergunta `{ $id }` é o nome de um helper dos modelos: `{"{{"}{ $id }{"}}"}` num valor por omissão, numa condição ou num valor calculado chamaria o helper em vez de ler esta resposta
validate-question_id_is_helper_hint = mude-lhe o nome, por exemplo `{ $id }_valor`
validate-count_whole = `{ $field }` tem de ser um número inteiro de entradas; recebido { $value }
validate-template_syntax = o modelo não compila: { $reason }
validate-template_syntax_hint = verifique as chavetas e se cada `{"{{"}#if …{"}}"}` ou `{"{{"}#each …{"}}"}` é fechado com `{"{{"}/if{"}}"}` ou `{"{{"}/each{"}}"}`
validate-helpers_hint = helpers: { $helpers }
validate-unknown_helper = helper desconhecido `{ $name }`
validate-loop_reaches_out = `{ $mustache }` lê fora do `{"{{"}#each{"}}"}` em que está
validate-loop_reaches_out_hint = dentro de um ciclo um modelo lê só o item (`this`, os seus campos, `@index`): um ciclo sobre uma resposta inteira dentro de outro multiplica o trabalho, e `../x` repete `x` uma vez por entrada; passe-o para fora do ciclo
validate-template_unknown_question = o modelo refere `{ $name }`, que não é uma pergunta anterior
validate-template_unknown_question_hint = um modelo só pode usar respostas a perguntas feitas antes dele
validate-choices_missing = esta pergunta precisa de `choices`
validate-choices_empty = `choices` está vazio
validate-choice_empty = o valor da opção está vazio
validate-choice_twice = a opção `{ $value }` aparece duas vezes
validate-min_length_above_max = `min_length` ({ $min }) é maior do que `max_length` ({ $max })
validate-pattern_syntax = o padrão não compila: { $reason }
validate-bad_question_id = `{ $id }` não é um id de pergunta válido; use letras minúsculas, algarismos, `_` ou `-`, começando por uma letra
validate-takes_no_fields = uma pergunta `{ $type }` não aceita campos específicos do tipo
validate-takes_fields = uma pergunta `{ $type }` aceita: { $fields }
validate-field_not_applicable = `{ $field }` não se aplica a uma pergunta `{ $type }`
validate-room_in_record = um campo de registos não pode ser aberto à sala; defina `room` na própria pergunta
validate-record_field_type = um campo de registos não pode ser uma pergunta `{ $type }`; use text, longtext, number, confirm, select, scale ou date
validate-min_above_max = `min` ({ $min }) é maior do que `max` ({ $max })
validate-too_many_selections = pede { $m ->
        [one] { $m } seleção
       *[other] { $m } seleções
    }, mas só há { $n ->
        [one] { $n } opção
       *[other] { $n } opções
    }
validate-scale_whole = uma escala vai de um número inteiro a outro
validate-scale_range = uma escala precisa de `min` < `max` e de no máximo 101 pontos; recebido { $min } a { $max }
validate-label_outside_scale = o rótulo de { $point } está fora da escala de { $min } a { $max }
validate-fields_missing = uma pergunta `records` precisa de `fields`
validate-fields_empty = `fields` está vazio
validate-field_id_twice = o id de campo `{ $id }` é usado duas vezes
validate-dots_zero = `dots` tem de ser pelo menos 1
validate-computed_value = uma pergunta `computed` precisa de `value`, um modelo como `{"{{"}sample_size_proportions baseline target{"}}"}`
validate-from_missing = uma pergunta `{ $type }` precisa de `from`: o id de uma pergunta `list` ou `records` anterior
validate-from_wrong_type = `from: { $from }` indica uma pergunta `{ $type }`; tem de indicar uma pergunta `list` ou `records`
validate-from_unknown = `from: { $from }` não é uma pergunta anterior
validate-from_unknown_hint = `from` tem de indicar uma pergunta `list` ou `records` feita antes no método
validate-criteria_missing = uma pergunta `score` precisa de `criteria`, por exemplo impacto e esforço
validate-criteria_empty = `criteria` está vazio
validate-bad_criterion_id = `{ $id }` não é um id de critério válido
validate-criterion_twice = o critério `{ $id }` aparece duas vezes
validate-criterion_range = um critério precisa de `min` < `max` (no máximo 101 pontos); recebido { $min } a { $max }
validate-quadrants_two = `quadrants` precisa de exatamente dois critérios; encontrados { $n }
validate-default_out_of_range = o valor predefinido { $n } está fora do intervalo permitido
validate-default_outside_scale = o valor predefinido { $n } está fora da escala de { $min } a { $max }
validate-multiselect_default = o valor predefinido de uma pergunta multiselect é uma lista de valores das opções
validate-default_wrong_type = este valor predefinido não serve para uma pergunta `{ $type }`
validate-default_not_choice = o valor predefinido `{ $value }` não é uma das opções
validate-template_not_a_name = `{ $name }` não é um nome de modelo; um roteiro indica um modelo da pasta de modelos da área de trabalho ou dos incluídos, sem `..` nem caminho absoluto
validate-template_not_a_name_hint = ponha o ficheiro na pasta `templates/` da área de trabalho como NOME.md.hbs e escreva `template: NOME`
validate-template_missing = não existe o modelo `{ $name }`, nem na pasta de modelos da área de trabalho nem entre os incluídos
validate-templates_known = modelos: { $names }
validate-no_methods = um roteiro precisa de pelo menos um método
validate-day_order = o dia { $day } vem antes do dia { $last }; os dias começam em 1 e só avançam
validate-method_twice = o método `{ $method }` já corre como bloco { $block }; as respostas são guardadas por método, por isso cada um corre uma só vez
validate-break_fields = um intervalo só aceita `break` e `title`
validate-block_both = um bloco é um `method` ou um `break`, não os dois
validate-block_neither = um bloco precisa de `method: ID` ou `break: DURAÇÃO`
validate-no_such_question = `{ $method }` não tem a pergunta `{ $question }`
validate-items_target_type = `{ $method }.{ $question }` é uma pergunta `{ $type }`; só as perguntas list, vote, score e rank recebem itens
validate-items_source_form = `{ $source }` devia ser `method.question`, por exemplo `brainstorm.ideas`
validate-not_earlier_method = `{ $method }` não é um método que corra antes neste roteiro
validate-items_source_type = `{ $source }` é uma pergunta `{ $type }`; os itens vêm de uma pergunta list, records ou vote
method-did_you_mean = quis dizer `{ $word }`?
method-too_large = o ficheiro tem mais de { $mb } MB, o limite para um ficheiro de método
method-not_utf8 = o ficheiro não está em UTF-8 válido; guarde-o como UTF-8
method-empty = o ficheiro está vazio; um método precisa de pelo menos `schema`, `id`, `name`, `summary`, `stage`, `duration` e `steps`
method-not_mapping = esperava-se um mapa de campos (`schema: 1`, `id: ...`) no início do ficheiro
method-too_deep = o aninhamento é demasiado profundo aqui (mais de { $limit } níveis)
method-alias_bomb = demasiados aliases expandem-se aqui (será uma bomba de aliases?)
input-not_a_file = é { $kind }, não um ficheiro regular; o labkit só lê ficheiros regulares
input-kind-folder = uma pasta
input-kind-fifo = um pipe com nome (FIFO)
input-kind-socket = um socket
input-kind-device = um dispositivo
input-kind-other = um ficheiro especial
input-too_many_values = mais de { $limit } valores (listas, mapas, escalares) num só ficheiro
input-too_large = o ficheiro tem mais de { $mb } MB, o limite para um ficheiro de sessão, de respostas ou de configuração
method-duplicate_key = a chave { $key } aparece duas vezes
method-yaml_syntax = erro de sintaxe YAML: { $reason }
method-unknown_language = `{ $word }` não é um código de língua; escreva duas ou três letras (`en`, `pt`, `es`)
method-unknown_field = campo desconhecido `{ $word }`
method-expected_one_of = esperava-se um de { $list }
method-unknown_question_type = tipo de pergunta desconhecido `{ $word }`
method-question_types = tipos de pergunta: { $types }
method-unknown_value = valor desconhecido `{ $word }`
method-missing_field = falta o campo `{ $field }`
agenda-bad_time = `{ $flag } { $value }` não é uma hora; escreva-a como HH:MM, por exemplo 09:30
agenda-day_ends_first = o dia termina ({ $end }) antes de começar ({ $start })
agenda-bad_date = `--date { $date }` não é uma data; escreva-a como AAAA-MM-DD
agenda-too_long = a agenda de `{ $id }` duraria mais de { $days } dias; encurte as durações das etapas
agenda-bad_timezone = { $source }: o labkit não tem as regras do fuso horário `{ $zone }`; use um de { $zones }
assign-working = a atribuir as unidades de { $file }…
assign-no_seed = sem `--seed`; foi sorteada a semente { $seed }. Use `--seed { $seed }` para repetir esta atribuição.
assign-delimiter_sole = { $file }: colunas separadas por { $delimiter } (detetado; `--delimiter` escolhe outro)
assign-delimiter_preferred = { $file }: colunas separadas por { $delimiter }; { $others } também serviria: use `--delimiter` se for esse o do ficheiro
assign-delimiter_column = { $file }: colunas separadas por { $delimiter }, e não por { $other }: só assim existe a coluna { $name } (de `{ $flag }`)
assign-delimiter_one_column = { $file }: uma só coluna (o cabeçalho não tem `,`, `;`, tabulação nem `|`)
assign-delimiter_undetected = não foi possível detetar o separador: lido com `,`, o cabeçalho é uma só coluna, { $header }, que contém { $found }; use `--delimiter { $value }`
assign-not_a_file_too_big = { $file } não é um ficheiro normal, por isso é lido para a memória, e tem mais de { $limit } MiB; guarde-o num ficheiro e atribua esse
eject-no_workspace = não há aqui uma área de trabalho para onde copiar; corra primeiro `labkit init`
eject-no_template = não existe o modelo incluído `{ $id }`{ $hint }
eject-no_method = não existe o método ou roteiro incluído `{ $id }`{ $hint }
eject-copied_template = modelo incluído copiado para { $path }
eject-copied_method = método incluído copiado para { $path }
eject-shadows = esta cópia passa a sobrepor-se ao `{ $id }` incluído; edite-a e depois corra `labkit validate`
init-exists = `{ $path }` já existe; esta pasta já é uma área de trabalho
init-bad_lang = `--default-lang { $code }`: o labkit fala `en` e `pt`
init-created = área de trabalho do labkit criada em { $path }
init-next = a seguir: `labkit new method my-method`, `labkit run experiment-plan`, `labkit config`
list-reading = a ler os métodos da área de trabalho…
man-written = { $count } páginas do manual escritas em { $dir } (labkit.1 e uma por comando)
man-not_a_folder = `{ $path }` não é uma pasta
list-unknown_stage = fase desconhecida `{ $value }`{ $hint }; as fases são { $stages }
new-bad_id = `{ $id }` não é um id de método; use letras minúsculas, algarismos e hífenes simples, como em `service-safari`
new-exists = `{ $path }` já existe
new-created = ficheiro criado: { $path }
new-next = verifique-o com `labkit validate { $path }`; experimente-o com `labkit run { $id }`
new-no_workspace = não há aqui um labkit.yaml, por isso o labkit só encontra este método com `--methods methods` (ou corra `labkit init`)
portfolio-not_a_folder = `{ $path }` não é uma pasta de sessões
portfolio-unknown_status = estado desconhecido `{ $status }`; use `in_progress` ou `finished`
portfolio-bad_since = `--since { $date }` não é uma data; escreva-a como AAAA-MM-DD
portfolio-skipped = { $path } ignorado: { $reason }
portfolio-excel_needs_csv = `--excel` prepara o CSV para uma folha de cálculo; acrescente `--format csv`
portfolio-line = linha { $line }: { $reason }
report-rendering = a gerar { $file }…
report-unknown_format = não é possível saber o formato de `{ $path }`; dê-lhe a extensão .md, .html ou .docx, ou use --format
report-docx_needs_file = um documento Word precisa de um ficheiro: use `-o report.docx`
report-method_missing = { $session }: `{ $id }`, o método desta sessão, não está disponível
run-session_is_folder = `--session { $path }` é uma pasta; dê à sessão um nome de ficheiro, por exemplo `--session { $example }`
run-exists = `{ $path }` já existe; use `labkit resume` para continuar essa sessão
run-method_changed = o método `{ $id }` mudou desde o início desta sessão; as respostas às perguntas que ainda existem são mantidas{ $dropped }
run-dropped = , estas são descartadas: { $ids }
run-playbook_changed = o roteiro `{ $id }` mudou desde o início desta sessão; as suas respostas são mantidas
run-answers_for = respostas para `{ $id }`
run-not_in_playbook = `{ $key }` não é um método do roteiro `{ $playbook }`
run-set_form = `--set { $pair }`: escreva-o como ID=VALOR
run-set_playbook_form = `--set { $pair }`: num roteiro, escreva MÉTODO.PERGUNTA=VALOR
run-report_extension = `--report { $path }`: dê ao ficheiro a extensão .md, .html ou .docx
show-did_you_mean = quis dizer { $names }?
show-or = {" "}ou{" "}
show-list_hint = `labkit list` mostra todos os métodos
timer-zero = um temporizador precisa de uma duração acima de zero
timer-no_terminal = `labkit timer` precisa de um terminal para mostrar a contagem decrescente e ler as teclas
timer-stopped = parado ao fim de { $time }
timer-elapsed = o tempo acabou ({ $time })
validate-not_found = `{ $path }` não existe
settings-unknown_key = chave desconhecida `{ $key }`{ $hint }; as chaves são { $keys }
settings-bad_lang = { $source }: `{ $code }` não é uma língua que o labkit fale; use `en` ou `pt`, ou acrescente as suas mensagens em `i18n/{ $code }.ftl` (docs/translating.md)
settings-bad_color = { $source }: a cor `{ $value }` não é uma de auto, always, never
report-docx_error = não foi possível escrever o documento Word: { $reason }
report-no_template = não existe o modelo `{ $name }`{ $hint }; modelos: { $known }
report-generic_missing = falta o modelo genérico
report-template_not_a_name = `{ $name }` não é um nome de modelo: um ficheiro só pode indicar um modelo da pasta de modelos da área de trabalho ou um dos incluídos, sem `..` nem caminho absoluto; para usar um ficheiro seu, passe `--template CAMINHO`
report-template_outside = `{ $path }` leva para fora da pasta de modelos `{ $dir }` (até `{ $target }`); um modelo dessa pasta tem de ser um ficheiro dentro dela
report-template_unusable = não é possível ler o modelo `{ $path }`: { $reason }
report-template_not_a_file = não é um ficheiro normal
report-template_syntax = { $name }{ $place }: o modelo não compila: { $reason }
report-template_hint = docs/templates.md lista as variáveis e os helpers que um modelo pode usar
fsutil-exists = `{ $path }` já existe; use `--force` para o substituir
fsutil-is_input = `{ $path }` é `{ $input }`, que este comando lê; escreva noutro ficheiro
fsutil-twice = `{ $path }` é indicado para duas saídas; dê a cada uma o seu ficheiro
fsutil-not_a_file = `{ $path }` não é um ficheiro em que o labkit possa escrever (uma pasta, um socket ou um dispositivo)
stats-invalid_parameter = `{ $flag }` { $message }
stats-line = linha { $line }: { $message }
stats-io = não foi possível escrever a saída: { $reason }
stats-cluster_needs_icc = `--cluster-size` exige `--icc` (a correlação intracluster)
stats-icc_needs_cluster = `--icc` exige `--cluster-size`
cli-whole_number = `{ $value }` não é um número inteiro igual ou superior a 0
stats-at_least_one = tem de ser pelo menos 1; valor dado: 0
stats-icc_range = tem de estar entre 0 e 1 (inclusive); valor dado: { $value }
stats-attrition_range = tem de ser pelo menos 0 e menor do que 1; valor dado: { $value }
stats-open_unit = tem de estar entre 0 e 1 (exclusive); valor dado: { $value }
stats-positive = tem de ser maior do que 0; valor dado: { $value }
stats-power_vs_alpha = `--power` ({ $power }) tem de ser maior do que `--alpha` ({ $alpha })
stats-too_large = a dimensão da amostra necessária é demasiado grande para calcular ({ $n } por braço); o efeito será demasiado pequeno?
stats-nonzero = tem de ser uma diferença diferente de zero; valor dado: { $value }
stats-mde_out_of_range = de { $mde } leva a proporção-alvo a { $target }, fora do intervalo entre 0 e 1 (exclusive) para `--baseline` { $baseline }
stats-must_differ = `--baseline` e `--target` têm de ser diferentes (ambos são { $value })
stats-no_mde = nenhum aumento sobre `--baseline` { $baseline } é detetável com `--per-arm` { $per_arm }: mesmo um alvo de 1 precisa de { $need } por braço antes dos ajustes
stats-per_arm_too_small = de { $n } é demasiado pequeno para detetar qualquer diferença com este `--alpha`
stats-duration_too_long = recrutar { $total } a { $per_period } por período levaria demasiado tempo para calcular
stats-ratio_part = a parte { $part } de { $text } não é um número inteiro positivo (esperado, por exemplo, `tratamento=2,controlo=1`)
stats-ratio_text_count = { $text } tem { $parts ->
        [one] { $parts } parte
       *[other] { $parts } partes
    }, mas há { $arms ->
        [one] { $arms } braço
       *[other] { $arms } braços
    }; indique uma parte por braço
stats-ratio_count = tem { $parts ->
        [one] { $parts } parte
       *[other] { $parts } partes
    }, mas há { $arms ->
        [one] { $arms } braço
       *[other] { $arms } braços
    }; indique uma parte por braço
stats-arms_min = precisa de pelo menos 2 braços; foram dados { $count }
stats-arms_too_many = indica demasiados braços
stats-arm_empty = tem um nome de braço vazio (braço { $index })
stats-arm_duplicate = indica { $arm } mais do que uma vez; os nomes dos braços têm de ser únicos
stats-ratio_zero = todas as partes têm de ser maiores do que 0
stats-column_missing = a coluna { $name } (de `{ $flag }`) não foi encontrada; colunas disponíveis: { $columns }
stats-too_many_values = demasiados valores distintos para atribuir
stats-not_utf8 = contém bytes que não são UTF-8 válido; guarde o ficheiro como UTF-8
stats-csv = não foi possível ler a entrada CSV: { $reason }
stats-empty_input = a entrada está vazia: esperava-se uma linha de cabeçalho e pelo menos uma linha de dados
stats-duplicate_column = o cabeçalho tem um nome de coluna repetido, { $name } (colunas { $first } e { $second })
stats-arm_column_exists = a entrada já tem uma coluna chamada { $name }; mude-lhe o nome ou remova-a primeiro
stats-field_count = tem { $count ->
        [one] { $count } campo
       *[other] { $count } campos
    }; esperavam-se { $expected } (como no cabeçalho)
stats-empty_id = valor vazio na coluna { $column } de `--id`
stats-duplicate_id = id { $id } repetido na coluna { $column } (visto pela primeira vez na linha { $first })
stats-empty_cluster = valor vazio na coluna { $column } de `--cluster`
stats-cluster_strata = o cluster { $name } (coluna { $column }) está no estrato { $here } aqui, mas no estrato { $there } na linha { $line }; todas as linhas de um cluster têm de ter os mesmos valores de `--stratify`
stats-too_many_rows = demasiadas linhas para atribuir
stats-row_too_long = a linha tem mais de { $limit } MiB, o máximo que é lido (ficou alguma aspa por fechar?)
stats-too_many_fields = tem mais de { $limit } campos
stats-memory_limit = atribuir este ficheiro ocuparia mais de { $limit } MiB de memória (1 byte por unidade, 8 por linha com `--id`, e cada valor distinto de `--stratify` e `--cluster`); divida o ficheiro, por exemplo por estrato
stats-input_changed = o ficheiro mudou enquanto era lido; repita a atribuição
stats-no_data_rows = a entrada tem uma linha de cabeçalho, mas nenhuma linha de dados
stats-baseline_needs = com `--baseline`, indique `--target` ou `--mde`
stats-sd_needs_delta = com `--sd`, indique `--delta`, a diferença de médias a detetar
stats-sample_size_inputs = indique `--baseline` com `--target` ou `--mde` (proporções), ou `--sd` com `--delta` (médias)
stats-mde_inputs = indique `--baseline` (proporções) ou `--sd` (médias)
stats-duration_inputs = indique `--per-day` ou `--per-week`
help-about = Métodos de inovação para laboratórios do setor público: workshops guiados e os documentos que produzem
help-after_help =
    Códigos de saída: 0 ok · 1 o comando correu e encontrou problemas (p. ex., validate) · 2 utilização ou dados de entrada inválidos · 130 cancelado (sessão guardada)

    Exemplos:
      labkit list --stage ideation
      labkit show test-card --lang pt
      labkit validate methods/
help-arg-lang = Língua do texto dos métodos e das mensagens [env: LABKIT_LANG]
help-arg-color = Quando usar cores (NO_COLOR é respeitado)
help-arg-quiet = Mostrar apenas dados e erros
help-arg-no_input = Nunca fazer perguntas; falhar em vez de esperar por respostas
help-arg-methods = Carregar também métodos desta pasta ou ficheiro (repetível; sobrepõe-se aos incluídos e aos da área de trabalho)
help-list-about = Listar os métodos e roteiros que o labkit conhece
help-list-after_help =
    Exemplos:
      labkit list
      labkit list --stage experiment --format json
      labkit list --search vote
help-list-arg-stage = Só métodos desta fase
help-list-arg-tag = Só métodos com esta etiqueta
help-list-arg-search = Só métodos cujo id, nome, resumo ou etiquetas contenham este texto
help-show-about = Mostrar a ficha de um método: objetivo, tempos, passos, perguntas, fontes
help-show-after_help =
    Exemplos:
      labkit show test-card
      labkit show brainstorm --lang pt
      labkit show problem-framing --format yaml
help-show-arg-id = Id do método ou do roteiro
help-show-arg-all = Todos os métodos e roteiros, uma ficha a seguir à outra (um catálogo para imprimir)
help-validate-about = Verificar ficheiros de métodos e de roteiros; sai com 1 quando algum tem problemas
help-validate-after_help =
    Exemplos:
      labkit validate                 # a área de trabalho e os incluídos
      labkit validate methods/my-method.yaml
      labkit validate methods/ --format json
help-validate-arg-paths = Ficheiros ou pastas a verificar (predefinição: a área de trabalho e os incluídos)
help-run-about = Conduzir um método como sessão guiada, guardando cada resposta à medida que é dada
help-run-after_help =
    Exemplos:
      labkit run test-card
      labkit run brainstorm --facilitator Ana --participants Rui,Eva
      labkit run test-card --answers answers.yaml --no-input
      labkit run test-card --set test_name="Letter test" --defaults
help-run-arg-method = Id do método, ou o caminho de um ficheiro de método
help-run-arg-answers = Respostas a usar (YAML ou JSON; um ficheiro de sessão também serve)
help-run-arg-set = Dar uma resposta na linha de comandos (repetível)
help-run-arg-defaults = Usar a predefinição de cada pergunta sem resposta dada
help-run-arg-session = Onde guardar a sessão (predefinição: sessions/DATA-MÉTODO.yaml)
help-run-arg-participants = Participantes, separados por vírgulas
help-run-arg-lab = O laboratório que conduz a sessão (por omissão: `lab` no labkit.yaml)
help-run-arg-facilitator = Quem facilita (por omissão: `facilitator` no labkit.yaml; perguntado quando não definido)
help-run-arg-no_timer = Não propor contagens decrescentes para os tempos
help-run-arg-report = Gerar um relatório no fim (formato pela extensão: .md, .html, .docx)
help-run-arg-template = Nome ou caminho do modelo do relatório (com --report)
help-run-arg-force = Substituir um ficheiro de relatório existente (com --report)
help-run-arg-room = Abrir a sala: os participantes respondem às perguntas de sala do método nos seus telemóveis (um pequeno servidor web; o endereço e um código QR são mostrados)
help-run-arg-room_bind = O endereço em que a sala escuta (por omissão: o endereço de rede deste computador; 127.0.0.1 só para este computador)
help-run-arg-room_port = A porta da sala (por omissão: 7878, ou uma livre quando a 7878 está ocupada; 0 escolhe uma livre)
help-resume-about = Continuar uma sessão guardada na primeira pergunta sem resposta
help-resume-after_help =
    Exemplo:
      labkit resume sessions/2026-11-26-test-card.yaml
help-resume-arg-session = O ficheiro da sessão
help-resume-arg-no_timer = Não propor contagens decrescentes para os tempos
help-resume-arg-report = Gerar um relatório no fim (formato pela extensão: .md, .html, .docx); substitui o relatório com que a sessão foi iniciada
help-resume-arg-template = Nome ou caminho do modelo do relatório (guardado com a sessão)
help-resume-arg-force = Substituir um ficheiro de relatório existente
help-resume-arg-room = Abrir a sala: os participantes respondem às perguntas de sala do método nos seus telemóveis (um pequeno servidor web; o endereço e um código QR são mostrados)
help-resume-arg-room_bind = O endereço em que a sala escuta (por omissão: o endereço de rede deste computador; 127.0.0.1 só para este computador)
help-resume-arg-room_port = A porta da sala (por omissão: 7878, ou uma livre quando a 7878 está ocupada; 0 escolhe uma livre)
help-report-about = Gerar o documento de uma sessão: Markdown, HTML para imprimir ou Word
help-report-after_help =
    Exemplos:
      labkit report sessions/2026-11-26-test-card.yaml            # Markdown para o stdout
      labkit report sessions/2026-11-26-test-card.yaml -o plan.html
      labkit report SESSION -o record.docx --template generic --force
help-report-arg-session = O ficheiro da sessão (terminada, ou em curso: então o relatório é marcado como rascunho)
help-report-arg-output = Escrever o relatório aqui (predefinição: Markdown para o stdout)
help-report-arg-format = md, html ou docx (predefinição: pela extensão do ficheiro de saída, senão md)
help-report-arg-template = Nome de um modelo (da área de trabalho ou incluído, p. ex., `generic`) ou caminho de um ficheiro .md.hbs
help-report-arg-force = Substituir um ficheiro de saída existente
help-agenda-about = A agenda com horas de um método ou roteiro, em tabela, Markdown ou ficheiro de calendário
help-agenda-after_help =
    Exemplos:
      labkit agenda experiment-plan --start 09:30
      labkit agenda design-sprint --date 2027-03-01 --format ics > sprint.ics
      labkit agenda brainstorm --start 14:00 --format md
help-agenda-arg-id = Id do método ou do roteiro
help-agenda-arg-start = Hora de início, HH:MM
help-agenda-arg-day_end = Fim do dia de trabalho, HH:MM (um workshop mais longo continua no dia seguinte)
help-agenda-arg-date = Primeiro dia, AAAA-MM-DD (predefinição: hoje)
help-agenda-arg-tz = Fuso horário do ficheiro de calendário (predefinição: a definição `timezone`, senão Europe/Lisbon)
help-timer-about = Contagem decrescente para quem facilita: Espaço faz pausa, + junta um minuto, q ou Enter termina
help-timer-after_help =
    Exemplos:
      labkit timer 10m "Silent writing"
      labkit timer 1h30m
help-timer-arg-duration = Quanto tempo: 90s, 10m, 1h30m
help-timer-arg-label = Para que é o tempo
help-suggest-about = Métodos que cabem no tempo e no grupo, os melhores primeiro, com o que vem antes e depois
help-suggest-after_help =
    Exemplos:
      labkit suggest --stage ideation --minutes 45 --people 12
      labkit suggest --minutes 30
help-suggest-arg-stage = Só métodos desta fase
help-suggest-arg-minutes = Minutos disponíveis
help-suggest-arg-people = Pessoas no grupo
help-portfolio-about = Todas as sessões do laboratório numa tabela (ou CSV, JSON, um painel HTML)
help-portfolio-after_help =
    Exemplos:
      labkit portfolio
      labkit portfolio sessions/ --status in_progress
      labkit portfolio --stage experiment --since 2027-01-01 --format csv > portfolio.csv
      labkit portfolio --format csv --excel > portfolio.csv
      labkit portfolio --format html > dashboard.html
help-portfolio-arg-dir = Pasta dos ficheiros de sessão (predefinição: a pasta de sessões da área de trabalho, senão ./sessions)
help-portfolio-arg-status = Só sessões com este estado
help-portfolio-arg-stage = Só sessões de métodos desta fase
help-portfolio-arg-since = Só sessões iniciadas nesta data ou depois (AAAA-MM-DD)
help-portfolio-arg-excel = Com --format csv: para uma folha de cálculo na sua língua (BOM UTF-8, CRLF, ';' em português)
help-calc-about = Desenho de experiências: dimensão da amostra e potência, efeito mínimo detetável, duração do ensaio
help-calc-sample--size-about = Pessoas necessárias por braço para um teste de proporções ou de médias (bilateral ou unilateral)
help-calc-sample--size-after_help =
    Exemplos:
      labkit calc sample-size --baseline 0.5 --target 0.75 --power 0.9
      labkit calc sample-size --baseline 0.30 --mde 0.05 --cluster-size 20 --icc 0.05
      labkit calc sample-size --sd 10 --delta 3 --attrition 0.1 --format json
help-calc-sample--size-arg-baseline = Proporções: a taxa do resultado sem a mudança (0–1)
help-calc-sample--size-arg-target = Proporções: a taxa do resultado esperada com a mudança (0–1)
help-calc-sample--size-arg-mde = Proporções: a diferença a detetar, em termos absolutos (0.05 = 5 pontos)
help-calc-sample--size-arg-sd = Médias: o desvio-padrão do resultado
help-calc-sample--size-arg-delta = Médias: a diferença de médias a detetar
help-calc-sample--size-arg-alpha = Nível de significância α (repartido pelas duas caudas quando bilateral)
help-calc-sample--size-arg-power = Potência: a probabilidade de detetar o efeito se ele for real
help-calc-sample--size-arg-ratio = Proporção de afetação: tratamento por controlo (2), ou com os braços nomeados (treatment=2,control=1)
help-calc-sample--size-arg-cluster_size = Pessoas por cluster, para aleatorização por clusters (com --icc)
help-calc-sample--size-arg-icc = Correlação intracluster (com --cluster-size)
help-calc-sample--size-arg-attrition = Desistências esperadas, como fração (0.1 = 10%)
help-calc-mde-about = O menor efeito que um ensaio de uma dada dimensão consegue detetar
help-calc-mde-after_help =
    Exemplos:
      labkit calc mde --per-arm 400 --baseline 0.3
      labkit calc mde --per-arm 100 --sd 12
help-calc-mde-arg-per_arm = Pessoas no primeiro braço
help-calc-mde-arg-baseline = Proporções: a taxa do resultado sem a mudança (0–1)
help-calc-mde-arg-sd = Médias: o desvio-padrão do resultado
help-calc-mde-arg-alpha = Nível de significância α (repartido pelas duas caudas quando bilateral)
help-calc-mde-arg-power = Potência: a probabilidade de detetar o efeito se ele for real
help-calc-mde-arg-ratio = Proporção de afetação: tratamento por controlo (2), ou com os braços nomeados (treatment=2,control=1)
help-calc-mde-arg-cluster_size = Pessoas por cluster, para aleatorização por clusters (com --icc)
help-calc-mde-arg-icc = Correlação intracluster (com --cluster-size)
help-calc-mde-arg-attrition = Desistências esperadas, como fração (0.1 = 10%)
help-calc-duration-about = Quanto tempo demora o recrutamento de uma amostra total
help-calc-duration-after_help =
    Exemplos:
      labkit calc duration --total 1200 --per-week 150
      labkit calc duration --total 300 --per-day 12
help-calc-duration-arg-total = Total de pessoas necessárias (todos os braços)
help-calc-duration-arg-per_day = Pessoas elegíveis por dia
help-calc-duration-arg-per_week = Pessoas elegíveis por semana
help-assign-about = Atribuir aleatoriamente as unidades de um ficheiro CSV aos braços de um ensaio, de forma reprodutível e equilibrada
help-assign-after_help =
    Exemplos:
      labkit assign pessoas.csv --arms controlo,tratamento --seed 42 -o atribuido.csv --log auditoria.yaml
      labkit assign escolas.csv --ratio a=2,b=1,c=1 --stratify regiao --cluster escola --log auditoria.yaml
      labkit assign semana1.csv --ratio sms=2,carta=1 --block-size 6 --stratify balcao -o ensaio.csv --log ensaio.yaml
      labkit assign semana2.csv --append ensaio.csv --log ensaio.yaml
help-assign-arg-units = Ficheiro CSV com uma linha de cabeçalho, uma unidade (ou um membro de um cluster) por linha
help-assign-arg-arms = Nomes dos braços, separados por vírgulas (podem ser omitidos quando --ratio os nomeia, ou com --append)
help-assign-arg-ratio = Proporção de afetação com o nome de cada braço, p. ex., tratamento=2,controlo=1 (partes iguais podem ficar 1:1)
help-assign-arg-stratify = Aleatorizar dentro dos estratos desta coluna (repetível)
help-assign-arg-cluster = Aleatorizar clusters inteiros, identificados por esta coluna
help-assign-arg-id = Coluna dos ids das unidades, verificados quanto a repetidos
help-assign-arg-delimiter = Separador dos campos, `,` `;` `tab` ou `|` (por omissão: detetado a partir do cabeçalho e das primeiras linhas)
help-assign-arg-seed = Semente do gerador aleatório; sem ela, é sorteada uma e mostrada
help-assign-arg-output = Escrever o CSV atribuído aqui em vez de no stdout
help-assign-arg-log = Escrever um registo de auditoria (YAML): semente, braços, estratos, contagens, hashes da entrada e da saída, versão, hora (com --append: o registo a verificar e continuar)
help-assign-arg-force = Substituir ficheiros de saída existentes
help-init-about = Criar uma área de trabalho do laboratório: labkit.yaml, methods/, templates/, sessions/ e um README
help-init-after_help =
    Exemplos:
      labkit init
      labkit init our-lab --lab "LabX" --lang pt --facilitator "Ana Sousa"
help-init-arg-dir = Pasta da área de trabalho (predefinição: a pasta atual)
help-init-arg-lab = O nome do laboratório, mostrado nos relatórios
help-init-arg-default_lang = Língua predefinida da área de trabalho
help-init-arg-facilitator = Facilitador predefinido das novas sessões
help-config-about = Mostrar cada definição, o seu valor e de onde vem
help-config-after_help =
    Exemplos:
      labkit config
      labkit config --format json
help-new-about = Começar um novo ficheiro de método (comentado, valida e corre tal como está) ou um novo ficheiro de língua
help-new-method-about = Um novo ficheiro de método na pasta methods/ da área de trabalho
help-new-method-after_help =
    Exemplo:
      labkit new method service-safari && labkit run service-safari
help-new-method-arg-id = O id do método: letras minúsculas, algarismos e hífenes (também o nome do ficheiro)
help-eject-about = Copiar um método incluído (ou o modelo do seu relatório) para a área de trabalho, para o personalizar
help-eject-after_help =
    Exemplos:
      labkit eject test-card                 # methods/test-card.yaml
      labkit eject test-card --template      # templates/test-card.md.hbs
      labkit eject experiment-plan           # methods/playbooks/experiment-plan.yaml
help-eject-arg-id = Id de um método ou roteiro incluído
help-eject-arg-template = Copiar antes o modelo do relatório (templates/<id>.md.hbs)
help-eject-arg-force = Substituir um ficheiro que já esteja na área de trabalho
help-completions-about = Mostrar os completamentos para a shell (bash, zsh, fish, powershell, elvish)
help-completions-after_help =
    Exemplos:
      labkit completions bash > ~/.local/share/bash-completion/completions/labkit
      labkit completions fish > ~/.config/fish/completions/labkit.fish
      labkit completions zsh > "${"{"}fpath[1]{"}"}/_labkit"
help-man-about = Mostrar a página do manual (roff), ou escrever numa pasta uma página por comando
help-man-after_help =
    Exemplos:
      labkit man > labkit.1 && man ./labkit.1
      labkit man ~/.local/share/man/man1 && man labkit-run
help-man-arg-dir = Escrever nesta pasta o labkit.1 e uma página por comando (labkit-run.1, labkit-calc-mde.1, …), substituindo as anteriores
help-ids-about = Ids dos métodos e roteiros, um por linha, para os completamentos da shell
help-schema-about = Mostrar o JSON Schema dos ficheiros de métodos, para editores
help-schema-after_help =
    Exemplo:
      labkit schema > method.schema.json
help-builtin-usage = Utilização
help-builtin-commands = Comandos
help-builtin-arguments = Argumentos
help-builtin-options = Opções
help-builtin-help = Mostrar a ajuda
help-builtin-help_more = Mostrar a ajuda (mais pormenores com '--help')
help-builtin-help_summary = Mostrar a ajuda (um resumo com '-h')
help-builtin-version = Mostrar a versão
help-builtin-help_command = Mostrar esta mensagem ou a ajuda dos subcomandos indicados
help-show-arg-format-value-md = Markdown, para imprimir um catálogo

## A sala: recusas que os participantes veem quando o que enviaram não é aceite.

room-refuse-empty = Escreva alguma coisa primeiro.
room-refuse-too_long = É demasiado longo: no máximo { $max } carateres.
room-refuse-no_entry = Não há nenhuma entrada { $n }.
room-refuse-closed = Esta pergunta está fechada.
room-refuse-full = Já não há espaço para respostas a esta pergunta.
room-refuse-not_yours = Só pode alterar as suas próprias entradas.
room-refuse-wrong_kind = Esta pergunta não aceita esse tipo de resposta.
room-refuse-bad_ballot = Essa resposta não serve para esta pergunta; recarregue a página.
room-refuse-budget = Tem { $dots ->
        [one] { $dots } ponto
       *[other] { $dots } pontos
    } e colocou { $placed }.
room-refuse-score_range = As pontuações vão de { $min } a { $max }.
room-refuse-rank_all = Ordene todos os itens, cada um uma vez.
room-refuse-how_many = Escolha entre { $min } e { $max }.
room-step = Passo { $n } de { $total }
room-waiting_title = À espera da próxima pergunta
room-waiting_body = Esta página muda sozinha quando a pessoa que facilita abrir a próxima pergunta.
room-waiting_noscript = Recarregue a página de vez em quando para a ver.
room-closed = Esta pergunta está fechada.
room-left = Faltam { $time }
room-about_left = Faltam cerca de { $n } min
room-time_up = O tempo acabou
room-add_label = A sua entrada
room-add = Acrescentar
room-yours = As suas entradas ({ $n })
room-none_yet = Ainda não acrescentou nada. As suas entradas só aparecem aqui para si.
room-entry_n = A sua entrada { $n }
room-save_n = Guardar a entrada { $n }
room-withdraw_n = Retirar a entrada { $n }
room-set_aside = posta de parte pela pessoa que facilita
room-dots_legend = Distribua os seus pontos: tem { $n }
room-dots_left = Pontos por usar: { $n }
room-send_dots = Enviar os meus pontos
room-not_scored = sem avaliação
room-send_scores = Enviar a minha avaliação
room-rank_legend = Dê um lugar a cada item (1 é o melhor)
room-send_ranking = Enviar a minha ordenação
room-choose_one = Escolha uma opção
room-choose_any = Escolha as que se aplicam
room-choose_between = Escolha de { $min } a { $max }
room-choose_at_least = Escolha pelo menos { $min }
room-choose_at_most = Escolha até { $max }
room-answer_label = A sua resposta
room-send = Enviar
room-answered = A sua resposta foi recebida. Pode alterá-la até a pergunta fechar.
room-recorded = A sua resposta ficou registada.
room-you = Sobre si
room-name_label = O seu nome ou um pseudónimo (opcional)
room-name_help = Aparece com as suas entradas só quando a pessoa que facilita mostrar os resultados no ecrã. Deixe em branco para participar sem nome.
room-save_name = Guardar nome
room-stored = O que enviar (as suas entradas e respostas, e um nome, se o der) fica guardado apenas no ficheiro de sessão { $file }, no computador de quem facilita; nada é enviado para mais lado nenhum. Este dispositivo guarda um identificador aleatório, e o seu nome, em dois cookies desta sala.
room-continue = Abrir a sala
room-results = Resultados
room-results_hidden = Os resultados aparecem aqui quando a pessoa que facilita os mostrar.
room-nothing_yet = Ainda nada.
room-col_item = Item
room-col_dots = Pontos
room-col_devices = Dispositivos
room-col_answer = Resposta
room-points =
    { $n ->
        [one] { $n } ponto
       *[other] { $n } pontos
    }
room-devices =
    { $n ->
        [one] { $n } dispositivo participou
       *[other] { $n } dispositivos participaram
    }
room-done-add = Acrescentado.
room-done-edit = Alterado.
room-done-withdraw = Retirado.
room-done-ballot = Enviado. Pode alterar até a pergunta fechar.
room-done-name = Nome guardado. Acompanha o que enviar a partir de agora.
room-err-nothing_open = Não há nenhuma pergunta aberta neste momento.
room-err-closed = Esta pergunta está fechada.
room-err-changed = A pergunta mudou; a página mostra agora a pergunta atual.
room-err-token = Esta página estava desatualizada e foi recarregada. Envie de novo, por favor.
room-err-empty = Escreva alguma coisa primeiro.
room-err-too_long = É demasiado longo: no máximo { $max } carateres.
room-err-name_too_long = Esse nome é demasiado longo: no máximo { $max } carateres.
room-err-shape = Essa resposta não serve para esta pergunta.
room-err-not_yours = Essa não é uma das suas entradas.
room-err-budget = São mais do que { $n ->
        [one] o seu { $n } ponto
       *[other] os seus { $n } pontos
    }.
room-err-rank = Dê a cada item um lugar diferente, a partir de 1.
room-err-choice = Escolha uma das opções apresentadas.
room-err-nothing_chosen = Escolha alguma coisa primeiro.
room-err-too_large = É demasiado para enviar de uma vez.
room-err-busy = O computador de quem facilita não respondeu a tempo; tente de novo.
room-err-failed = Não foi possível contactar o computador de quem facilita. Verifique o Wi-Fi e tente de novo.
stats-ratio_needs_names = { $text } não indica os braços; escreva, por exemplo, `--ratio tratamento=2,controlo=1`, ou indique também `--arms`
stats-ratio_positional = { $text } seria lido pela ordem de `--arms`, o que é fácil de trocar; indique os braços pelo nome: `--ratio { $named }` (só partes iguais, como 1:1, podem ficar sem nome)
stats-ratio_named_part = a parte { $part } de { $text } não tem a forma BRAÇO=PESO (por exemplo, `--ratio tratamento=2,controlo=1`)
stats-ratio_named_twice = indica o braço { $arm } duas vezes
stats-ratio_unknown_arm = indica o braço { $arm }, que não é um dos de `--arms` ({ $arms })
stats-ratio_arm_missing = não dá peso ao braço { $arm }; indique todos os braços de `--arms`
stats-block_size = tem de ser um múltiplo positivo da soma da razão ({ $sum }), no máximo { $max }; foi dado { $size }
stats-prior_no_arm = a última coluna não é { $name }: `--append` recebe um CSV escrito por `labkit assign`
stats-prior_unknown_arm = o braço { $arm } não é um dos braços da atribuição ({ $arms })
stats-append_cluster = não é possível acrescentar unidades a uma atribuição por clusters; atribua de novo o ficheiro inteiro com outra semente, ou os novos clusters como um ensaio à parte
stats-append_header = as colunas ({ $these }) não são as da atribuição anterior ({ $earlier }); as novas unidades precisam das mesmas colunas, pela mesma ordem
stats-append_id = o id { $id } da coluna { $column } já está na atribuição anterior
assign-append_needs_log = `--append` precisa de `--log`: o registo da atribuição anterior, que é verificado e continuado
assign-log_unreadable = { $file }: não é um registo de atribuição que `--append` possa continuar: { $reason }
assign-log_altered = { $file }: a entrada { $entry } foi alterada depois de escrita (o seu `sha256` não corresponde ao conteúdo); não será continuado
assign-log_chain = { $file }: a entrada { $entry } não segue a entrada { $previous } (o seu `previous_sha256` difere); não será continuado
assign-output_altered = { $file } foi alterado depois da atribuição (SHA-256 { $actual }; o registo { $log } diz { $expected }); nada será acrescentado
assign-append_flag = `{ $flag }` difere do da atribuição anterior ({ $logged }); omita-o com `--append`, é lido do registo
assign-appended = { $file }: { $rows ->
        [one] { $rows } linha acrescentada
       *[other] { $rows } linhas acrescentadas
    } (lote { $batch }) depois { $earlier ->
        [one] da { $earlier } já atribuída, que fica igual
       *[other] das { $earlier } já atribuídas, que ficam iguais
    }; linhas por braço no total: { $totals }
help-assign-arg-block_size = Blocos permutados de N unidades dentro de cada estrato, para recrutamento contínuo (um múltiplo da soma da razão)
help-assign-arg-append = Acrescentar as unidades a esta atribuição anterior (o seu CSV de saída), mantendo os braços; precisa de --log
stats-wrong_direction = a diferença ({ $difference }, tratamento menos controlo) vai no sentido contrário de `--alternative { $alternative }`; indique a diferença que o teste procura, ou `--alternative two-sided`
stats-no_mde_decrease = nenhuma diminuição abaixo de `--baseline` { $baseline } é detetável com `--per-arm` { $per_arm }: mesmo um alvo de 0 precisa de { $need } por braço antes dos ajustes
cli-calc_ratio = `{ $value }` não é um rácio: indique um número (tratamento por controlo, p. ex. 2) ou nomeie os dois braços (treatment=2,control=1)
stats-power_inputs = indique `--baseline` e `--target` (proporções) ou `--sd` e `--delta` (médias)
stats-power_sample = indique `--per-arm` ou `--total`
stats-points_range = tem de estar entre 2 e 10000, recebido { $value }
help-calc-sample--size-arg-alternative = A diferença que o teste procura: em qualquer sentido, ou tratamento maior ou menor do que o controlo
help-calc-mde-arg-alternative = A diferença que o teste procura: em qualquer sentido, ou tratamento maior ou menor do que o controlo
help-calc-power-about = A potência de um ensaio de dimensão dada: a probabilidade de detetar o efeito se ele for real
help-calc-power-after_help =
    Exemplos:
      labkit calc power --baseline 0.3 --target 0.35 --per-arm 1000
      labkit calc power --sd 10 --delta 3 --total 300 --ratio treatment=2,control=1
      labkit calc power --baseline 0.3 --target 0.35 --per-arm 1000 --curve -o curva.svg
help-calc-power-arg-per_arm = Pessoas no braço de controlo (o braço de tratamento recebe --ratio vezes mais)
help-calc-power-arg-total = Pessoas nos dois braços juntos, repartidas segundo --ratio
help-calc-power-arg-baseline = Proporções: a taxa do resultado sem a mudança (0–1)
help-calc-power-arg-target = Proporções: a taxa do resultado esperada com a mudança (0–1)
help-calc-power-arg-sd = Médias: o desvio-padrão do resultado
help-calc-power-arg-delta = Médias: a diferença de médias (tratamento menos controlo)
help-calc-power-arg-alpha = Nível de significância α (repartido pelas duas caudas quando bilateral)
help-calc-power-arg-ratio = Proporção de afetação: tratamento por controlo (2), ou com os braços nomeados (treatment=2,control=1)
help-calc-power-arg-alternative = A diferença que o teste procura: em qualquer sentido, ou tratamento maior ou menor do que o controlo
help-calc-power-arg-cluster_size = Pessoas por cluster, para aleatorização por clusters (com --icc)
help-calc-power-arg-icc = Correlação intracluster (com --cluster-size)
help-calc-power-arg-attrition = Desistências esperadas, como fração (0.1 = 10%)
help-calc-power-arg-curve = Mostrar também a potência ao longo de um intervalo de dimensões da amostra (n, por omissão) ou de efeitos
help-calc-power-arg-points = Pontos da curva
help-calc-power-arg-output = Escrever a curva como gráfico SVG neste ficheiro
help-calc-power-arg-force = Substituir um ficheiro de saída existente
stats-cv_needs_cluster = `--cluster-cv` exige `--cluster-size` e `--icc`
stats-not_negative = tem de ser 0 ou mais, recebido { $value }
stats-arms_range = tem de estar entre 2 e 100, recebido { $value }
stats-few_clusters = apenas { $clusters ->
        [one] { $clusters } cluster
       *[other] { $clusters } clusters
    } por braço (menos de { $few }): a potência assenta em poucas unidades independentes e num CCI certo; acrescente clusters se puder, e analise ao nível do cluster
stats-continuity_proportions = `--continuity` é para proporções (`--baseline`), não para médias
help-calc-sample--size-arg-continuity = Proporções: correção de continuidade de Fleiss (para um teste qui-quadrado com a correção de Yates ou o teste exato de Fisher)
help-calc-sample--size-arg-cluster_cv = Clusters de dimensão desigual: o coeficiente de variação da dimensão dos clusters (com --cluster-size, a dimensão média)
help-calc-sample--size-arg-arms = Braços ao todo, incluindo o controlo; cada comparação com o controlo usa α/(braços − 1) (Bonferroni)
help-calc-mde-arg-continuity = Proporções: correção de continuidade de Fleiss (para um teste qui-quadrado com a correção de Yates ou o teste exato de Fisher)
help-calc-mde-arg-cluster_cv = Clusters de dimensão desigual: o coeficiente de variação da dimensão dos clusters (com --cluster-size, a dimensão média)
help-calc-mde-arg-arms = Braços ao todo, incluindo o controlo; cada comparação com o controlo usa α/(braços − 1) (Bonferroni)
help-calc-power-arg-continuity = Proporções: correção de continuidade de Fleiss (para um teste qui-quadrado com a correção de Yates ou o teste exato de Fisher)
help-calc-power-arg-cluster_cv = Clusters de dimensão desigual: o coeficiente de variação da dimensão dos clusters (com --cluster-size, a dimensão média)
help-calc-power-arg-arms = Braços ao todo, incluindo o controlo; cada comparação com o controlo usa α/(braços − 1) (Bonferroni)
help-analyse-about = Ler os resultados de um ensaio: resultado por braço, o efeito com o seu intervalo, equilíbrio e o veredicto
help-analyse-after_help =
    Exemplos:
      labkit analyse afetados.csv --outcome renovou --control controlo
      labkit analyse afetados.csv --outcome renovou --id processo --outcomes resultados.csv --plan sessions/ensaio.yaml -o leitura.html
      labkit analyse alunos.csv --outcome nota --cluster escola --covariates idade,anterior --format json
help-analyse-arg-data = O CSV das unidades com o seu braço (o que o `labkit assign` escreveu, ou qualquer CSV com uma coluna de braço)
help-analyse-arg-outcome = A coluna do resultado (0/1, verdadeiro/falso, sim/não: uma proporção; números: uma média); com --plan, por omissão o resultado principal do plano
help-analyse-arg-arm_column = A coluna com o braço de cada unidade
help-analyse-arg-control = O braço de controlo; os outros são comparados com ele
help-analyse-arg-id = A coluna dos identificadores das unidades: as repetições são listadas, e --outcomes é ligado por ela
help-analyse-arg-outcomes = Um segundo CSV com o resultado, ligado aos dados pela coluna --id
help-analyse-arg-cluster = Analisar ao nível dos clusters desta coluna (médias dos clusters comparadas com o teste de Welch)
help-analyse-arg-covariates = Colunas de base para a tabela de equilíbrio (diferenças médias padronizadas)
help-analyse-arg-plan = A sessão de desenho do ensaio: resultado principal, efeito mínimo, alfa e regra de decisão
help-analyse-arg-alpha = Nível de significância para os intervalos e o veredicto [por omissão: o do plano, senão 0,05]
help-analyse-arg-format = Formato de saída no stdout
help-analyse-arg-output = Escrever a leitura num ficheiro: .md, .html ou .docx
help-analyse-arg-force = Substituir um ficheiro de saída existente
analyse-unknown_format = não é possível saber o formato de `{ $path }`; use .md, .html ou .docx
analyse-bad_alpha = `--alpha` tem de estar entre 0 e 1, não { $value }
analyse-bad_value = { $value } na coluna { $column } não é um número, 0/1, verdadeiro/falso nem sim/não
analyse-chart_difference = Diferença (tratamento − controlo)
analyse-chart_points = Diferença, pontos percentuais
analyse-chart_planned = mínimo previsto
analyse-chart_title = Efeito em { $outcome } com o intervalo de confiança a { $level }%
analyse-cluster_note = análise ao nível dos clusters: a média de cada cluster conta como um valor, e as médias dos clusters dos braços são comparadas com o teste t de Welch
analyse-cluster_two_arms = o cluster { $cluster } está aqui no braço { $arm } e no braço { $other } numa linha anterior; um cluster pertence a um só braço
analyse-col-analysed = Analisados
analyse-col-arm = Braço
analyse-col-assigned = Afetados
analyse-col-ci = IC { $level }%
analyse-col-cluster_mean = Média das médias dos clusters
analyse-col-clusters = Clusters
analyse-col-comparison = Comparação
analyse-col-covariate = Covariável
analyse-col-file = Ficheiro
analyse-col-line = Linha
analyse-col-mean = Média
analyse-col-proportion = Proporção
analyse-col-reason = Motivo
analyse-col-smd = DMP
analyse-decision_rule = A regra de decisão do plano:
analyse-delimiter_undetected = não é possível identificar o separador a partir do cabeçalho { $header }
analyse-effect_line = { $arm } − { $control }: { $difference } { $unit }(IC { $level }%: { $low } a { $high }), p { $p }
analyse-fact-data = Dados
analyse-fact-outcomes = Resultados
analyse-fact-plan = Plano
analyse-first_at = repete a linha { $line }
analyse-footer = Feito com labkit analyse em { $date }.
analyse-h-arms = Resultado por braço
analyse-h-balance = Equilíbrio à partida
analyse-h-method = Método
analyse-h-not_analysed = Linhas não analisadas
analyse-h-result = Resultado
analyse-higher = acima
analyse-kicker = Leitura do ensaio
analyse-lower = abaixo
analyse-method-cluster = Análise ao nível dos clusters: o resultado médio de cada cluster conta como um valor, e as médias dos clusters dos braços são comparadas com o intervalo e o teste t de Welch (variâncias desiguais). As médias dos braços apresentadas são médias das médias dos clusters.
analyse-method-mean = Diferença de médias com o intervalo e o teste t de Welch (variâncias desiguais, como t.test(var.equal = FALSE) no R).
analyse-method-proportion = Diferença de proporções com o intervalo híbrido de score de Newcombe (Newcombe 1998, método 10); o valor p é o do teste do qui-quadrado sem correção de continuidade (como prop.test(correct = FALSE) no R); o risco relativo tem o intervalo logarítmico de Katz.
analyse-mixed_kinds = a coluna { $column } mistura números como { $value } com palavras como { $word } (linha { $line }); uma proporção é 0/1, verdadeiro/falso ou sim/não, uma média são números
analyse-more_rows = … e mais { $n } (todas, até 1000, em --format json)
analyse-no_control = não há braço de controlo{ $control } entre os braços { $arms }: indique-o com `--control`
analyse-no_effect = Não foi possível calcular o efeito: um braço tem poucas unidades analisadas.
analyse-no_outcome = indique a coluna do resultado com `--outcome` (ou um `--plan` cujo resultado principal seja uma coluna)
analyse-no_units = nenhuma linha tem braço na coluna { $column }
analyse-not_a_plan = { $file } é uma sessão de `{ $method }`, não um desenho de ensaio: não tem resultado principal nem taxa de referência
analyse-not_analysed_note =
    { $n ->
        [one] { $n } linha não analisada:
       *[other] { $n } linhas não analisadas:
    }
analyse-points = pontos{" "}
analyse-ragged = esta linha tem { $found ->
        [one] { $found } campo
       *[other] { $found } campos
    }, o cabeçalho { $expected }
analyse-ratio_line = ; risco relativo { $ratio } ({ $low } a { $high })
analyse-reason-duplicate_id = id repetido
analyse-reason-duplicate_outcome_id = id repetido no ficheiro de resultados
analyse-reason-missing_outcome = sem resultado
analyse-reason-no_arm = sem braço
analyse-reason-no_outcome_row = sem linha no ficheiro de resultados
analyse-reason-unknown_arm = braço fora do plano
analyse-reason-unknown_id = id ausente dos dados
analyse-sentence = { $outcome }: { $size } { $unit }{ $direction } em { $arm } do que em { $control } (IC { $level }%: { $low } a { $high })
analyse-sentence_no_minimum = ; o plano não indica um efeito mínimo com que o comparar
analyse-sentence_plan = ; o plano pedia pelo menos { $size } { $unit }{ $direction }: { $verdict }
analyse-smd_note = DMP: diferença média padronizada, tratamento menos controlo sobre o desvio-padrão conjunto; acima de ±0,1 lê-se habitualmente como desequilíbrio.
analyse-subtitle = Resultado por braço, o efeito com o seu intervalo, e todas as linhas não analisadas.
analyse-title = Leitura: { $outcome }
analyse-too_many_arms = a coluna { $column } tem mais de { $n } valores diferentes: é a coluna dos braços? (`--arm-column`)
analyse-too_many_levels = a covariável { $column } tem mais de { $n } valores diferentes: fica fora da tabela de equilíbrio
analyse-verdict-inconclusive = inconclusivo — o intervalo inclui tanto a ausência de efeito como o efeito previsto
analyse-verdict-not_supported = não confirmado — o intervalo exclui um efeito da dimensão prevista
analyse-verdict-opposite = contrariado — o efeito foi no sentido oposto
analyse-verdict-smaller = não confirmado — há efeito, mas menor do que o previsto
analyse-verdict-supported = confirmado
analyse-written = leitura escrita em { $path }
analyse-answers_arm = { $arm }: { $assigned } afetados, { $analysed } analisados
analyse-answers_left_out = Linhas deixadas de fora (listadas na leitura): { $n }
analyse-too_many_ids = mais de 4 294 967 295 ids ou clusters diferentes
helpers-bad_ratio = não foi possível ler a proporção de afetação `{ $value }`: escreva tratamento:controlo, por exemplo 1:1 ou 2:1
helpers-trial_inputs = a dimensão da amostra precisa de uma taxa de referência e uma taxa alvo, ou de um desvio-padrão e uma diferença mínima
analyse-sentence_greater = ; teste unilateral, como planeado, para uma subida
analyse-sentence_less = ; teste unilateral, como planeado, para uma descida
analyse-sentence_bonferroni = ; com correção de Bonferroni para { $n } comparações com o controlo
analyse-note_greater = Teste unilateral para uma subida no braço de tratamento: os valores p são unilaterais, e o limite inferior do intervalo de { $level }% é o limite unilateral de { $one }%.
analyse-note_less = Teste unilateral para uma descida no braço de tratamento: os valores p são unilaterais, e o limite superior do intervalo de { $level }% é o limite unilateral de { $one }%.
analyse-note_bonferroni = { $n } braços comparados com { $control }: correção de Bonferroni, cada comparação a α = { $alpha } (intervalos de { $level }%) e cada valor p multiplicado por { $n } (no máximo 1).
help-analyse-arg-alternative = O teste: bilateral, ou unilateral para uma subida (greater) ou uma descida (less) no braço de tratamento [por omissão: o test_sides do plano, senão bilateral]
analyse-plan_sides_contradict = { $file }: o teste é unilateral `{ $sides }` ({ $source }), mas o efeito do plano ({ $field }: { $effect }) é uma { $direction }; um teste unilateral só encontra uma mudança no sentido que indica. Corrija o test_sides ou o efeito previsto no plano, ou use --alternative two-sided
analyse-direction_rise = subida
analyse-direction_fall = descida

## agendacode (session 5): agendas on real dates, `list` of playbooks and sources, `show`

## conditions in words.

help-agenda-arg-skip_weekends = Saltar sábados e domingos (por omissão)
help-agenda-arg-include_weekends = Marcar dias também aos sábados e domingos
help-agenda-arg-holiday = Um dia sem sessões, AAAA-MM-DD: nenhum dia do workshop calha nele (repetível)
help-agenda-arg-holidays = Um ficheiro de dias sem sessões, um AAAA-MM-DD por linha (pode seguir-se um nome; # começa um comentário)
help-list-arg-long = Acrescentar uma coluna com as fontes creditadas de cada método
agenda-moved = { $date } não é dia útil; primeiro dia da agenda: { $first }
agenda-bad_holiday = `--holiday { $date }` não é uma data; escreva-a como AAAA-MM-DD
agenda-bad_holiday_line = `{ $value }` não é uma data; escreva uma data por linha como AAAA-MM-DD (pode seguir-se um nome)
agenda-total_dates = Total { $total } em { $days } dias; o último é { $date }, até às { $end }
list-playbook = roteiro
list-days = { $total }, { $days } dias
col-sources = Fontes
show-only_when = só quando { $cond }
cond-eq = { $q } é { $v }
cond-ne = { $q } não é { $v }
cond-gt = { $q } é maior do que { $v }
cond-lt = { $q } é menor do que { $v }
cond-gte = { $q } é pelo menos { $v }
cond-lte = { $q } é no máximo { $v }
cond-yes = { $q } é sim
cond-no = { $q } é não
cond-answered = { $q } tem resposta
cond-unanswered = { $q } não tem resposta
cond-and = e
cond-or = ou
qtype-text = texto
qtype-longtext = texto longo
qtype-number = número
qtype-confirm = sim/não
qtype-select = escolha
qtype-multiselect = escolha múltipla
qtype-scale = escala
qtype-date = data
qtype-list = lista
qtype-records = registos
qtype-vote = votação
qtype-score = pontuação
qtype-rank = ordenação
qtype-computed = calculado
validate-tables_no_guide = `tables: true` precisa de um `guide` que diga como a sala se divide em mesas, o que faz cada mesa e como os resultados voltam a juntar-se
validate-group_fit = `{ $method }` é para grupos de { $size } pessoas, mas o playbook é para { $room }: alargue o grupo do playbook, escolha outro método ou faça este bloco em mesas (`tables: true` com um `guide`)
validate-group_fit_hint = com `tables: true`, { $room } pessoas precisam de { $tables } mesas; diga-o no `guide` do bloco
validate-table_size = `{ $method }` ({ $size } pessoas) não é um tamanho de mesa sensato para um playbook de { $room }: uma mesa precisa de um tamanho limitado de pelo menos duas pessoas, o grupo mais pequeno tem de formar uma mesa e o maior tem de se dividir em mesas que mantenham o mínimo do método
run-block_tables = Em mesas: para { $people } pessoas, pelo menos { $tables } mesas de até { $max }; os resultados voltam ao plenário.
show-in_tables = em mesas paralelas, com os resultados trazidos ao plenário
origin-library = biblioteca
origin-library_named = biblioteca { $name }
origin-library_commit = biblioteca { $name }, commit { $commit }
library-lock_version = { $file }: a versão { $version } do ficheiro de bloqueio não é uma que este labkit leia (lê a versão 1)
library-not_locked = a biblioteca de métodos `{ $name }` não está fixada em { $lock }, por isso os seus métodos ficam de fora; obtenha-a e fixe-a com `labkit library fetch`
library-no_cache = a biblioteca de métodos `{ $name }` precisa de uma pasta de cache e o labkit não tem nenhuma: defina LABKIT_CACHE_DIR (ou HOME)
library-not_fetched = a biblioteca de métodos `{ $name }` não foi obtida neste computador, por isso os seus métodos ficam de fora; obtenha o commit fixado no labkit.lock com `labkit library fetch`
library-lock_stale = biblioteca de métodos `{ $name }`: { $file } pede outro repositório ou outra revisão do que o fixado em { $lock }; usa-se o commit fixado até correr `labkit library update { $name }`
library-no_git = não foi possível executar o git ({ $program }): o labkit obtém as bibliotecas de métodos com o programa `git`; instale o git (https://git-scm.com) ou indique-o em LABKIT_GIT
library-git_failed = o git { $command } falhou: { $said }
library-bad_url = `{ $url }` não é o endereço de um repositório
library-bad_rev = `{ $rev }` não é uma etiqueta, um ramo nem um commit
library-no_rev = o repositório não tem nenhuma etiqueta, ramo ou commit `{ $rev }`
library-refused_path = recusado: o caminho sai da biblioteca
library-refused_link = recusado: uma ligação simbólica (os ficheiros de uma biblioteca têm de estar nela; as ligações não são seguidas)
library-refused_submodule = recusado: um submódulo (as bibliotecas são obtidas sem submódulos)
library-too_big = a biblioteca é maior do que o labkit aceita: no máximo { $files } ficheiros e { $mb } MB em methods/ e templates/
library-bad_name = { $file }: o nome de biblioteca `{ $name }` só pode ter letras minúsculas, algarismos e hífenes (serve de prefixo aos ids dos métodos: `{ $name }/test-card`); indique um com `name:`
library-duplicate_name = { $file }: há duas bibliotecas chamadas `{ $name }`; dê outro nome a uma delas com `name:`
library-no_workspace = não há labkit.yaml aqui nem acima, nem configuração de utilizador: corra primeiro `labkit init`, ou indique a biblioteca em `libraries:` no seu config.yaml
library-skipped = { $file } ignorado: tem problemas
library-exists = já existe uma biblioteca chamada `{ $name }`; `labkit library update { $name }` muda o commit fixado, ou dê outro nome a esta com --name
library-added = biblioteca `{ $name }` adicionada no commit { $commit }: { $methods } métodos e roteiros; indicada em { $file }, fixada em { $lock }
library-none = não há bibliotecas de métodos: adicione uma com `labkit library add URL`
library-unknown = não há nenhuma biblioteca chamada `{ $name }` (bibliotecas: { $names })
library-up_to_date = { $name }: atualizada em { $commit } ({ $methods } métodos e roteiros)
library-moved = { $name }: o commit fixado passou de { $old } para { $commit } ({ $methods } métodos e roteiros)
library-pinned = { $name }: fixada em { $commit } ({ $methods } métodos e roteiros)
library-in_cache = { $name }: { $commit } já foi obtido
library-commit_gone = biblioteca `{ $name }`: o commit { $commit } fixado no labkit.lock já não está em { $url }; `labkit library update { $name }` fixa o que o repositório tem agora
library-hash_differs = biblioteca `{ $name }`: os ficheiros do commit fixado não correspondem ao SHA-256 em { $lock }; nada foi usado. Verifique o repositório e depois corra `labkit library update { $name }`
library-fetched = { $name }: obtido { $commit } ({ $methods } métodos e roteiros)
library-col-name = Nome
library-col-source = Origem
library-col-commit = Commit fixado
library-col-methods = Métodos
library-col-updated = Última atualização
library-not_fetched_short = não obtida
library-not_locked_short = não fixada
library-removed = biblioteca `{ $name }` retirada de { $file } e do ficheiro de bloqueio (a cache guarda os ficheiros até os apagar)
library-edit_by_hand = { $file }:{ $line }: `libraries:` não está escrito como uma lista de linhas começadas por `-`; edite-o à mão
help-library-about = Bibliotecas de métodos a partir do git: adicionar uma, atualizá-las ou obtê-las, listá-las, retirar uma
help-library-add-about = Adiciona uma biblioteca de métodos de um repositório git e fixa o seu commit no labkit.lock
help-library-add-after_help =
    Exemplos:
      labkit library add https://example.org/labx/methods.git --rev v1.4
      labkit library add ../metodos-partilhados --name partilhados
help-library-add-arg-url = O repositório: um URL, um URL file:// ou um caminho local
help-library-add-arg-rev = Uma etiqueta, um ramo ou um commit [por omissão: o ramo principal do repositório]
help-library-add-arg-name = O nome que serve de prefixo aos seus métodos (labx/test-card) [por omissão: tirado do URL]
help-library-update-about = Obtém o commit mais recente da revisão de cada biblioteca e muda o commit fixado no labkit.lock
help-library-update-after_help =
    Exemplos:
      labkit library update
      labkit library update labx
help-library-update-arg-name = Só esta biblioteca
help-library-fetch-about = Obtém os commits fixados no labkit.lock, sem os mudar (depois de clonar uma área de trabalho)
help-library-list-about = As bibliotecas: nome, origem, commit fixado, métodos e última atualização
help-library-remove-about = Retira uma biblioteca da configuração e do labkit.lock
help-library-remove-arg-name = O nome da biblioteca (ver `labkit library list`)
help-library-after_help =
    Exemplos:
      labkit library add https://example.org/labx/methods.git --rev v1.4
      labkit library list
      labkit library fetch        # depois de clonar uma área de trabalho com labkit.lock
      labkit run labx/test-card   # um método de uma biblioteca, pelo prefixo
report-skip = Saltar para o conteúdo
report-table = Tabela
report-chart_bars = { $title }: gráfico de barras com { $n ->
        [one] { $n } item
       *[other] { $n } itens
    }, { $total } { $value } no total
report-chart_most = mais: { $top }
report-chart_matrix = { $title }: matriz 2×2 com { $n ->
        [one] { $n } item
       *[other] { $n } itens
    } por { $y } e { $x }; { $counts }
report-chart_interval = { $title }: { $n ->
        [one] { $n } estimativa de { $value } com o seu intervalo de confiança
       *[other] { $n } estimativas de { $value } com os seus intervalos de confiança
    }
validate-table_outside_method = mesas de { $table } pessoas não servem para `{ $method }`, que é feito para { $size }: indique um tamanho de mesa dentro do intervalo do método
show-in_tables_of = em mesas paralelas de { $size } pessoas, com os resultados trazidos ao plenário

## Uma língua extra, num ficheiro da pasta i18n/ (docs/translating.md)
settings-lang_file_too_big = { $file }: tem mais de { $max } bytes; é um ficheiro Fluent?
settings-lang_file_unreadable = { $file }: não é possível ler ({ $error })
## Datas e números numa língua extra (o inglês e o português têm os seus na aplicação)
date-months = janeiro, fevereiro, março, abril, maio, junho, julho, agosto, setembro, outubro, novembro, dezembro
date-weekdays = segunda-feira, terça-feira, quarta-feira, quinta-feira, sexta-feira, sábado, domingo
date-long = { $day } de { $month } de { $year }
date-day = { $weekday }, { $day } de { $month } de { $year }
number-decimal = ,

## Modelos de relatório: os seus rótulos, um grupo por modelo
report-affinity--clustering-insights = Descobertas
report-affinity--clustering-themes = Temas
report-affinity--clustering-theme = Tema
report-affinity--clustering-notes = Notas
report-affinity--clustering-a_typical_note = Uma nota típica
report-affinity--clustering-the_notes = As notas
report-ask--the--experts-the_sprint_s_target = O alvo do sprint
report-ask--the--experts-who = Quem
report-ask--the--experts-moment_on_the_map = Momento do mapa
report-ask--the--experts-opportunities_voted_on = Oportunidades votadas
report-ask--the--experts-how_might_we = Como podemos…?
report-ask--the--experts-what_the_experts_told_us = O que os especialistas nos disseram
report-ask--the--experts-expert = Especialista
report-ask--the--experts-what_they_taught_us = O que nos ensinou
report-ask--the--experts-changes_to_the_map = Alterações ao mapa
report-assumptions--map-the_idea = A ideia
report-assumptions--map-the_map_of_the_assumptions = O mapa dos pressupostos
report-assumptions--map-importance_and_lack_of_evidence_from_1_t = Importância e falta de evidência de 1 a 5; os mais arriscados são importantes e com pouca evidência.
report-assumptions--map-assumption = Pressuposto
report-assumptions--map-lens = Perspetiva
report-assumptions--map-importance = Importância
report-assumptions--map-evidence_gap = Falta de evidência
report-assumptions--map-what_we_will_test_in_order = O que vamos testar, por ordem
report-assumptions--map-test_cards_written_by = Cartões de Teste escritos por
report-behavioural--diagnosis-the_target_behaviour = O comportamento-alvo
report-behavioural--diagnosis-who = Quem
report-behavioural--diagnosis-when_and_where = Quando e onde
report-behavioural--diagnosis-today = Hoje
report-behavioural--diagnosis-a_change_that_matters = Mudança que importa
report-behavioural--diagnosis-barriers_by_com_b = Barreiras, segundo o COM-B
report-behavioural--diagnosis-component = Componente
report-behavioural--diagnosis-barrier = Barreira
report-behavioural--diagnosis-how_we_know = Como sabemos
report-behavioural--diagnosis-barriers_marked_we_are_assuming_it_were = As barreiras marcadas «Estamos a supor» não foram ouvidas das pessoas nem vistas nos dados: são hipóteses a investigar.
report-behavioural--diagnosis-the_barriers_that_matter_most = As barreiras que mais pesam
report-behavioural--diagnosis-levers_east = Alavancas (EAST)
report-behavioural--diagnosis-principle = Princípio
report-behavioural--diagnosis-lever = Alavanca
report-behavioural--diagnosis-barrier_it_answers = Barreira a que responde
report-behavioural--diagnosis-interventions_to_test = Intervenções a testar
report-behavioural--diagnosis-intervention = Intervenção
report-behavioural--diagnosis-what_would_change_and_how_we_would_see_i = O que mudaria, e como o veríamos
report-behavioural--diagnosis-test = Teste
report-behavioural--diagnosis-where_to_start = Por onde começar
report-behavioural--diagnosis-publicity_test_the_team_would_be_comfort = Teste da publicidade: a equipa estaria à vontade para explicar cada intervenção, e porque a escolheu, às pessoas a quem se dirige.
report-behavioural--diagnosis-publicity_test_not_passed = Teste da publicidade não passado
report-behavioural--diagnosis-confidence_and_next_step = Confiança e próximo passo
report-behavioural--diagnosis-confidence_in_the_diagnosis = Confiança no diagnóstico
report-behavioural--diagnosis-next_step = Próximo passo
report-brainstorm-the_challenge = O desafio
report-brainstorm-the_chosen_ideas_in_order = As ideias escolhidas, por ordem
report-brainstorm-next_steps = Próximos passos
report-brainstorm-idea = Ideia
report-brainstorm-next_action = Próxima ação
report-brainstorm-owner = Responsável
report-brainstorm-by = Até
report-brainstorm-all_the_ideas_and_the_vote = Todas as ideias e a votação
report-brainstorm-provocations_used = Provocações usadas
report-brainstorm-parking_lot = Parque de ideias
report-brainstorm-points_raised_that_are_kept_for_another = Pontos levantados que ficam para outra ocasião:
report-co--creation--session-purpose = Propósito
report-co--creation--session-participants_influence = Influência dos participantes
report-co--creation--session-not_open_to_change = Fora de questão
report-co--creation--session-commits_to_respond = Compromete-se a responder
report-co--creation--session-who_takes_part = Quem participa
report-co--creation--session-group = Grupo
report-co--creation--session-people = Pessoas
report-co--creation--session-how_we_recruit_them = Como as recrutamos
report-co--creation--session-reaching_the_seldom_heard = Chegar a quem raramente é ouvido
report-co--creation--session-what_keeps_them_away = O que as afasta
report-co--creation--session-how_we_will_reach_them = Como vamos chegar até elas
report-co--creation--session-accessibility = Acessibilidade
report-co--creation--session-where_and_when = Onde e quando
report-co--creation--session-other_needs_participants_told_us_about = Outras necessidades indicadas pelos participantes
report-co--creation--session-informed_consent_and_data = Consentimento informado e dados
report-co--creation--session-what_the_information_sheet_tells_partici = O que a folha de informação diz aos participantes (✗: ainda em falta):
report-co--creation--session-recording = Registo
report-co--creation--session-data_kept = Conservação dos dados
report-co--creation--session-compensation = Compensação
report-co--creation--session-travel_and_care_expenses_are_covered_on = As despesas de deslocação e de cuidados são pagas à parte.
report-co--creation--session-travel_and_care_expenses_are_not_covered = As despesas de deslocação e de cuidados não são pagas.
report-co--creation--session-safe_participation_and_safeguarding = Participação segura e salvaguarda
report-co--creation--session-safeguarding_lead_on_the_day = Responsável pela salvaguarda no dia
report-co--creation--session-risk = Risco
report-co--creation--session-what_we_will_do = O que vamos fazer
report-co--creation--session-children_or_adults_at_risk_take_part = Participam crianças ou adultos em situação de vulnerabilidade.
report-co--creation--session-ground_rules = Regras de funcionamento
report-co--creation--session-agenda = Programa
report-co--creation--session-activity = Atividade
report-co--creation--session-minutes = Minutos
report-co--creation--session-what_it_is_for = Para que serve
report-co--creation--session-what_we_feed_back_to_participants = O que devolvemos aos participantes
report-co--creation--session-how_it_reaches_them = Como lhes chega
report-co--creation--session-by = Até
report-co--creation--session-sent_by = Envia
report-cost--value-recommendation = Recomendação
report-cost--value-at_a_glance = Em resumo
report-cost--value-value = Valor
report-cost--value-what_is_compared = O que se compara
report-cost--value-status_quo = Situação atual
report-cost--value-option = Opção
report-cost--value-what_changes = O que muda
report-cost--value-costs = Custos
report-cost--value-cost = Custo
report-cost--value-type = Tipo
report-cost--value-when = Quando
report-cost--value-who_bears_it = Quem o suporta
report-cost--value-how_we_know = Como o sabemos
report-cost--value-total_over_the_period = Total no período
report-cost--value-recurring_amounts_are_per_year_the_total = Os montantes recorrentes são anuais; o total soma os custos pontuais e os recorrentes multiplicados pelo número de anos.
report-cost--value-benefits = Benefícios
report-cost--value-benefit = Benefício
report-cost--value-who_gets_it = Quem o recebe
report-cost--value-figure_over_the_period = Número no período
report-cost--value-confidence = Certeza
report-cost--value-a_benefit_without_a_euro_value_has_not_b = Um benefício sem valor em euros não foi valorizado, não vale zero. O tempo dos cidadãos valorizado em euros não é dinheiro que o orçamento veja.
report-cost--value-cost_per_outcome_and_sensitivity = Custo por resultado e sensibilidade
report-cost--value-compared_with = Termo de comparação
report-cost--value-where_the_effect_comes_from = De onde vem o efeito
report-cost--value-with_half_the_effect = Com metade do efeito
report-cost--value-other_assumptions_tested = Outros pressupostos testados
report-cost--value-switching_point = Ponto de viragem
report-cost--value-the_four_es_of_value_for_money = Os quatro critérios da boa gestão
report-cost--value-criterion = Critério
report-cost--value-judgement = Juízo
report-cost--value-why = Porquê
report-cost--value-conditions_and_next_steps = Condições e próximos passos
report-cost--value-who_decides = Quem decide
report-crazy--eights-what_we_sketched = O que esboçámos
report-crazy--eights-sketch = Esboço
report-crazy--eights-panel_1 = Painel 1
report-crazy--eights-panel_2 = Painel 2
report-crazy--eights-panel_3 = Painel 3
report-decision--sequence-the_decision = A decisão
report-decision--sequence-sketch = Esboço
report-decision--sequence-decider_s_supervotes = Supervotos do decisor
report-decision--sequence-straw_poll = Votação indicativa
report-decision--sequence-next = A seguir
report-decision--sequence-prototype_led_by = Protótipo liderado por
report-decision--sequence-ready_by = Pronto até
report-decision--sequence-heat_map_the_hot_spots = Mapa de calor: os pontos quentes
report-decision--sequence-standout_ideas_to_keep = Ideias a não perder
report-decision--sequence-concerns_and_open_questions = Preocupações e dúvidas
report-empathy--map-point_of_view = Ponto de vista
report-empathy--map-the_map = O mapa
report-empathy--map-what_the_person_says_and_does_was_heard = O que diz e faz foi ouvido e observado; o que pensa e sente é inferido pela equipa.
report-empathy--map-says = Diz
report-empathy--map-does = Faz
report-empathy--map-thinks = Pensa
report-empathy--map-feels = Sente
report-empathy--map-contradictions_and_surprises = Contradições e surpresas
report-empathy--map-needs = Necessidades
report-ethics--check-decision = Decisão
report-ethics--check-who_can_stop_the_experiment = Quem pode parar a experiência
report-ethics--check-open_risks = Riscos em aberto
report-ethics--check-lawful_basis_not_confirmed = Fundamento de licitude por confirmar
report-ethics--check-the_data_protection_officer_has_not_been = O encarregado de proteção de dados ainda não foi consultado
report-ethics--check-the_analysis_uses_identifiable_data = A análise usa dados identificáveis
report-ethics--check-data_protection_impact_assessment_requir = Avaliação de impacto sobre a proteção de dados necessária
report-ethics--check-unclear_whether_an_impact_assessment_is = Por saber se é necessária uma avaliação de impacto — perguntar ao encarregado de proteção de dados
report-ethics--check-participants_are_informed_only_afterward = Os participantes só são informados depois
report-ethics--check-risk_of_harm_to_the_control_group = Risco de dano ao grupo de controlo
report-ethics--check-communication_and_reputational_risk = Risco de comunicação e reputacional
report-ethics--check-no_open_risk_flagged = Nenhum risco em aberto assinalado.
report-ethics--check-checklist = Lista de verificação
report-ethics--check-data_and_lawful_basis = Dados e fundamento de licitude
report-ethics--check-processes_personal_data = Trata dados pessoais
report-ethics--check-data_protection_officer_consulted = Encarregado de proteção de dados consultado
report-ethics--check-no_personal_data_processed = Não trata dados pessoais
report-ethics--check-information_and_consent = Informação e consentimento
report-ethics--check-opting_out_withdrawing_and_asking_questi = Recusar, desistir e colocar dúvidas
report-ethics--check-impact_assessment = Avaliação de impacto
report-ethics--check-features_that_apply = Características presentes
report-ethics--check-minimisation_and_security = Minimização e segurança
report-ethics--check-analysis_on_pseudonymised_data = Análise com dados pseudonimizados
report-ethics--check-analysis_on_identifiable_data = Análise com dados identificáveis
report-ethics--check-access_to_identifiable_data = Acesso a dados identificáveis
report-ethics--check-people_at_risk = Pessoas em risco
report-ethics--check-risk_to_the_control_group = Risco para o grupo de controlo
report-ethics--check-communication_risk = Risco de comunicação
report-ethics--check-rollback_and_stopping = Reversão e paragem
report-ethics--check-stop_if = Parar se
report-evidence--review-claim = Afirmação
report-evidence--review-theory_of_change = Teoria da mudança
report-evidence--review-level_of_evidence = Nível de evidência
report-evidence--review-the_evidence = A evidência
report-evidence--review-evidence_plan = Plano de evidência
report-evidence--review-what_we_need_to_know = O que precisamos de saber
report-evidence--review-how = Como
report-evidence--review-by = Até
report-experiment--plan-summary-the_plan_at_a_glance = O plano num relance
report-experiment--plan-summary-element = Elemento
report-experiment--plan-summary-what_was_decided = O que foi decidido
report-experiment--plan-summary-challenge = Desafio
report-experiment--plan-summary-what_we_will_test = O que vamos testar
report-experiment--plan-summary-we_believe_that = Acreditamos que…
report-experiment--plan-summary-to_verify_that_we_will = Para o verificar, vamos…
report-experiment--plan-summary-and_measure = E vamos medir…
report-experiment--plan-summary-we_are_right_if = Temos razão se…
report-experiment--plan-summary-sample_per_arm = Amostra por braço
report-experiment--plan-summary-computed_minimum = mínimo calculado
report-experiment--plan-summary-allocation = Afetação
report-experiment--plan-summary-timeline = Calendário
report-experiment--plan-summary-results_by = resultados até
report-experiment--plan-summary-ethics_check = Verificação ética
report-experiment--plan-summary-who_can_stop_the_experiment = Quem pode parar a experiência
report-experiment--plan-summary-cost_and_resources = Custo e recursos
report-experiment--plan-summary-cost = custo
report-experiment--plan-summary-test_cost = Custo do teste
report-experiment--plan-summary-owner = Responsável
report-experiment--plan-summary-approval = Aprovação
report-experiment--plan-summary-by = até
report-experiment--plan-summary-main_risks = Principais riscos
report-experiment--plan-summary-untested_assumption = Pressuposto por provar
report-experiment--plan-summary-the_test_could_fail_or_mislead_us_if = O teste pode falhar ou enganar-nos se
report-experiment--plan-summary-harm_to_the_control_group = Dano ao grupo de controlo
report-experiment--plan-summary-communication_and_reputational_risk = Risco de comunicação e reputacional
report-experiment--plan-summary-a_data_protection_impact_assessment_is_n = É necessária uma avaliação de impacto sobre a proteção de dados
report-experiment--plan-summary-conditions_of_the_ethics_check = Condições da verificação ética
report-experiment--plan-summary-not_identified_yet_the_assumptions_map_a = Ainda por identificar: o mapa de pressupostos e a verificação ética dizem quais são.
report-experiment--plan-summary-by_signing_the_experiment_is_approved_as = Ao assinar, aprova-se a realização da experiência tal como este plano a descreve.
report-experiment--plan-summary-role = Papel
report-experiment--plan-summary-name = Nome
report-experiment--plan-summary-signature = Assinatura
report-experiment--plan-summary-date = Data
report-experiment--plan-summary-approves = Aprova
report-experiment--plan-summary-runs_the_experiment = Responsável pela experiência
report-experiment--plan-summary-can_stop_the_experiment = Pode parar a experiência
report-experiment--readout-result = Resultado
report-experiment--readout-fidelity_of_implementation = Fidelidade da execução
report-experiment--readout-surprises = Surpresas
report-experiment--readout-decision = Decisão
report-fieldwork--notes-session = Sessão
report-fieldwork--notes-kind = Tipo
report-fieldwork--notes-date = Data
report-fieldwork--notes-place = Local
report-fieldwork--notes-length = Duração
report-fieldwork--notes-team = Equipa
report-fieldwork--notes-participant = Participante
report-fieldwork--notes-consent_not_recorded_these_notes_are_on = Consentimento não registado: estas notas estão suspensas até o responsável pela investigação o resolver.
report-fieldwork--notes-consent = Consentimento
report-fieldwork--notes-captured = Registo
report-fieldwork--notes-in_their_own_words = Nas palavras da pessoa
report-fieldwork--notes-quote = Citação
report-fieldwork--notes-when_it_came_up = Momento
report-fieldwork--notes-what_we_saw = O que observámos
report-fieldwork--notes-observation = Observação
report-fieldwork--notes-what_surprised_us = O que nos surpreendeu
report-fieldwork--notes-first_readings_to_check_in_other_session = Primeiras leituras, a verificar noutras sessões
report-fieldwork--notes-learning_goals_covered = Objetivos de aprendizagem cobertos
report-fieldwork--notes-debrief = Balanço
report-fieldwork--notes-held_on = Feito a
report-fieldwork--notes-more_than_24_hours_after_the_session = mais de 24 horas depois da sessão
report-fieldwork--notes-what_a_colleague_who_was_not_there_must = O que um colega que não esteve presente tem de saber:
report-fieldwork--notes-follow_ups = Seguimentos
report-fieldwork--notes-what = O quê
report-fieldwork--notes-who = Quem
report-fieldwork--notes-by = Até
report-fieldwork--notes-promised_to_the_participant = Prometido ao participante
report-fieldwork--notes-data = Dados
report-fieldwork--notes-notes_stored_where_only_the_research_tea = Notas guardadas com acesso só da equipa de investigação, à parte do consentimento
report-fieldwork--notes-names_and_identifying_details_removed = Nomes e pormenores identificativos retirados
report-hopes--and--fears-about = Sobre:
report-hopes--and--fears-hopes = Esperanças
report-hopes--and--fears-fears = Receios
report-hopes--and--fears-in_the_order_of_the_dots_the_group_gave = Por ordem dos pontos que o grupo lhes deu:
report-hopes--and--fears-fear = Receio
report-hopes--and--fears-commitments = Compromissos
report-hopes--and--fears-we_will_know_it_went_well_if = Saberemos que correu bem se…
report-hopes--and--fears-risks_to_watch = Riscos a vigiar
report-impact--effort-the_matrix = A matriz
report-impact--effort-agreed_priorities_in_order = Prioridades acordadas, por ordem
report-impact--effort-priority = Prioridade
report-impact--effort-owner = Responsável
report-impact--effort-next_step = Próximo passo
report-impact--effort-all_items_by_quadrant = Todos os itens, por quadrante
report-impact--effort-impact = Impacto
report-impact--effort-effort = Esforço
report-impact--effort-how_we_rated = Como avaliámos
report-interview--guide-what_we_want_to_learn = O que queremos aprender
report-interview--guide-who_we_will_talk_to = Com quem vamos falar
report-interview--guide-consent_and_data = Consentimento e dados
report-interview--guide-plain_language_information_sheet = Folha informativa em linguagem simples
report-interview--guide-consent_form_with_the_right_to_withdraw = Formulário de consentimento, com direito de desistir
report-interview--guide-capture = Registo
report-interview--guide-notes_and_recordings_deleted_by = Notas e gravações eliminadas até
report-interview--guide-thank_you_for_participants = Agradecimento aos participantes
report-interview--guide-the_guide = O guião
report-interview--guide-roles_and_timing = Papéis e calendário
report-interview--guide-leads = Conduz
report-interview--guide-takes_notes = Toma notas
report-interview--guide-interviews_completed_by = Entrevistas concluídas até
report-journey--map-persona_and_scenario = Persona e cenário
report-journey--map-scenario = Cenário
report-journey--map-the_journey = A jornada
report-journey--map-stage = Etapa
report-journey--map-touchpoints = Pontos de contacto
report-journey--map-doing = O que faz
report-journey--map-thinking = O que pensa ou diz
report-journey--map-feeling = Como se sente
report-journey--map-very_bad = muito mal
report-journey--map-bad = mal
report-journey--map-neutral = neutro
report-journey--map-good = bem
report-journey--map-very_good = muito bem
report-journey--map-pain_points = Pontos críticos
report-journey--map-in_order_of_how_much_they_matter_to_the = Por ordem da importância para a pessoa, segundo os pontos do grupo:
report-journey--map-pain_point = Ponto crítico
report-journey--map-opportunities = Oportunidades
report-journey--map-still_to_check = A verificar
report-lab--canvas-mandate = Mandato
report-lab--canvas-kinds_of_innovation = Tipos de inovação
report-lab--canvas-priorities_for_the_next_six_months = Prioridades para os próximos seis meses
report-lab--canvas-legal_basis_to_experiment = Base legal para experimentar
report-lab--canvas-governance = Governação
report-lab--canvas-sponsor = Patrocinador
report-lab--canvas-funding = Financiamento
report-lab--canvas-what_the_lab_offers = O que o laboratório oferece
report-lab--canvas-what_it_does_not_do = O que não faz
report-lab--canvas-team_and_skills = Equipa e competências
report-lab--canvas-skill = Competência
report-lab--canvas-level_in_the_team = Nível na equipa
report-lab--canvas-partners = Parceiros
report-lab--canvas-legitimacy = Legitimidade
report-lab--canvas-portfolio = Portefólio
report-lab--canvas-how_the_lab_shows_its_value = Como o laboratório mostra o seu valor
report-learning--card-learning_card = Cartão de aprendizagem
report-learning--card-criterion_met = Critério cumprido?
report-learning--card-data_reliability = Fiabilidade dos dados
report-learning--card-action_required = Ação necessária
report-learning--card-owner_of_the_next_action = Responsável pela próxima ação
report-lightning--demos-what_we_looked_for = O que procurámos
report-lightning--demos-big_ideas = Grandes ideias
report-lightning--demos-big_idea = Grande ideia
report-lightning--demos-example = Exemplo
report-lightning--demos-from = De onde vem
report-lightning--demos-map_step = Passo do mapa
report-lightning--demos-how_we_will_sketch = Como vamos esboçar
report-lightning--demos-part_of_the_map = Parte do mapa
report-lightning--demos-who = Quem
report-lightning--demos-recruiting_the_test_users = Recrutamento dos utilizadores do teste
report-one--two--four--all-the_question = A pergunta
report-one--two--four--all-what_the_groups_proposed = O que os grupos propuseram
report-one--two--four--all-idea = Ideia
report-personas-what_they_draw_on = Em que se baseiam
report-personas-research = Investigação
report-personas-kind = Tipo
report-personas-people_or_cases = Pessoas ou casos
report-personas-the_differences_that_set_the_personas_ap = As diferenças que separam as personas:
report-personas-the_personas = As personas
report-personas-draws_on = Baseia-se em
report-personas-situation = Situação
report-personas-needs_and_goals = Necessidades e objetivos
report-personas-behaviours = Comportamentos
report-personas-pain_points = Dificuldades
report-personas-in_their_words = Nas suas palavras
report-personas-what_would_change = O que mudaria
report-personas-stereotypes_and_gaps = Estereótipos e lacunas
report-personas-who_the_research_did_not_hear_from = Quem a investigação não ouviu
report-personas-who_we_design_for_first = Para quem desenhamos primeiro
report-personas-how_we_will_use_the_personas = Como vamos usar as personas
report-personas-to_be_reviewed_against_new_research_by = A rever face a nova investigação até
report-pre--mortem-the_failure_we_imagined = O fracasso que imaginámos
report-pre--mortem-success_would_have_been = O sucesso teria sido
report-pre--mortem-why_it_failed_the_reasons_given = Porque falhou: as razões dadas
report-pre--mortem-likelihood_impact = Probabilidade × impacto
report-pre--mortem-response = Resposta
report-pre--mortem-what_went_wrong = O que correu mal
report-pre--mortem-kind_of_risk = Tipo de risco
report-pre--mortem-likelihood = Probabilidade
report-pre--mortem-impact = Impacto
report-pre--mortem-what_we_will_do = O que vamos fazer
report-pre--mortem-risk = Risco
report-pre--mortem-mitigation = Mitigação
report-pre--mortem-early_warning_sign = Sinal de alerta
report-pre--mortem-owner = Responsável
report-pre--mortem-by = Até
report-pre--mortem-decision = Decisão
report-pre--mortem-next_review_of_the_early_warning_signs = Próxima revisão dos sinais de alerta
report-problem--framing-the_question_we_will_work_on = A pergunta a trabalhar
report-problem--framing-reframed_after_the_quality_check_from = Reformulada depois da verificação de qualidade, a partir de:
report-problem--framing-decided_by = Decidido por
report-problem--framing-the_problem = O problema
report-problem--framing-possible_causes = Causas possíveis
report-problem--framing-who_has_the_problem = Quem tem o problema
report-problem--framing-what_we_know_and_what_we_don_t = O que sabemos — e o que não sabemos
report-problem--framing-strength_of_evidence = Solidez da evidência
report-problem--framing-open_questions = Perguntas em aberto
report-problem--framing-goals_and_limits = Objetivos e limites
report-problem--framing-we_want = Queremos
report-problem--framing-side_effects_to_avoid = Efeitos a evitar
report-problem--framing-fixed_constraints = Restrições fixas
report-problem--framing-how_we_chose_the_question = Como escolhemos a pergunta
report-problem--framing-quality_check = Verificação de qualidade
report-problem--framing-free_of_any_particular_solution_or_techn = Não impõe uma solução ou tecnologia
report-problem--framing-open_to_quite_different_solutions = Aberta a soluções bem diferentes
report-problem--framing-names_the_people_it_is_for_and_what_they = Nomeia as pessoas e aquilo de que precisam
report-problem--framing-within_what_the_team_can_influence_in_th = Ao alcance da equipa, no tempo e orçamento disponíveis
report-problem--framing-next_step = Próximo passo
report-problem--tree-the_problem_tree = A árvore de problemas
report-problem--tree-effects = Efeitos
report-problem--tree-effect = Efeito
report-problem--tree-on_whom = Sobre quem
report-problem--tree-the_core_problem = O problema central
report-problem--tree-who_is_affected = Quem é afetado
report-problem--tree-evidence = Evidência
report-problem--tree-causes = Causas
report-problem--tree-cause = Causa
report-problem--tree-level = Nível
report-problem--tree-leads_to = Conduz a
report-problem--tree-strongest_evidence = Evidência mais forte
report-problem--tree-the_objectives_tree = A árvore de objetivos
report-problem--tree-the_project_s_purpose = Propósito do projeto
report-problem--tree-objective = Objetivo
report-problem--tree-kind = Tipo
report-problem--tree-from = A partir de
report-problem--tree-what_the_project_takes_on = Aquilo de que o projeto se ocupa
report-problem--tree-left_out = Deixadas de fora
report-problem--tree-to_check_before_acting = A verificar antes de agir
report-project--charter-desired_outcome = Resultado pretendido
report-project--charter-start = Início
report-project--charter-end = Fim
report-project--charter-decider = Decisor
report-project--charter-team_meets = Reuniões da equipa
report-project--charter-scope = Âmbito
report-project--charter-in_scope = Dentro do âmbito
report-project--charter-out_of_scope = Fora do âmbito
report-project--charter-constraints = Restrições
report-project--charter-team = Equipa
report-project--charter-role = Função
report-project--charter-time_on_the_project = Tempo dedicado
report-project--charter-first_steps = Primeiros passos
report-project--charter-action = Ação
report-project--charter-owner = Responsável
report-project--charter-by = Até
report-project--charter-data_protection = Proteção de dados
report-project--charter-the_project_involves_citizens_or_their_p = O projeto envolve cidadãos ou os seus dados pessoais. Responsável pelas questões de proteção de dados
report-project--charter-run_the_ethics_and_data_check_before_any = Faça a Verificação Ética e de Dados antes de qualquer teste.
report-project--charter-the_project_involves_no_citizens_and_non = O projeto não envolve cidadãos nem os seus dados pessoais.
report-prototype--plan-what_we_need_to_learn = O que temos de aprender
report-prototype--plan-the_prototype = O protótipo
report-prototype--plan-fidelity = realismo
report-prototype--plan-the_test = O teste
report-prototype--plan-who_tests_it = Quem testa
report-prototype--plan-how_many = Quantas pessoas
report-prototype--plan-where = Onde
report-prototype--plan-first_test = Primeiro teste
report-prototype--plan-tasks_we_will_ask_people_to_do = Tarefas que vamos pedir
report-prototype--plan-how_we_will_know_whether_it_works = Como saberemos se funciona
report-prototype--plan-the_build = A construção
report-prototype--plan-person = Pessoa
report-prototype--plan-role = Papel
report-prototype--plan-works_on = Trabalha em
report-prototype--plan-checkpoints = Pontos de controlo
report-prototype--plan-when = Quando
report-prototype--plan-what_was_ready = O que estava pronto
report-prototype--plan-what_was_cut_or_fixed = O que se cortou ou corrigiu
report-prototype--plan-what_the_trial_run_found = O que o ensaio geral encontrou
report-prototype--plan-interview_script_final = Guião da entrevista fechado
report-prototype--plan-the_interview_script_is_not_final_yet = O guião da entrevista ainda não está fechado
report-prototype--plan-logistics_and_safety = Logística e segurança
report-prototype--plan-build_coordinated_by = Coordenação da construção
report-prototype--plan-if_the_prototype_fails = Se o protótipo falhar
report-research--synthesis-the_decision = A decisão
report-research--synthesis-who_decides = Quem decide
report-research--synthesis-by = até
report-research--synthesis-recommendation = Recomendação
report-research--synthesis-because = Porque
report-research--synthesis-confidence = Confiança
report-research--synthesis-what_would_change_the_recommendation = O que faria mudar a recomendação
report-research--synthesis-what_we_set_out_to_learn = O que nos propusemos saber
report-research--synthesis-sources_and_how_strong_they_are = Fontes e a sua solidez
report-research--synthesis-source = Fonte
report-research--synthesis-kind = Tipo
report-research--synthesis-size_and_coverage = Dimensão e cobertura
report-research--synthesis-strength = Solidez
report-research--synthesis-limitations = Limitações
report-research--synthesis-key_findings = Principais conclusões
report-research--synthesis-finding = Conclusão
report-research--synthesis-evidence = Evidência
report-research--synthesis-insights_and_implications = Insights e implicações
report-research--synthesis-why_it_happens = Porque acontece
report-research--synthesis-what_it_means_for_the_decision = O que significa para a decisão
report-research--synthesis-options = Opções
report-research--synthesis-option = Opção
report-research--synthesis-gains = O que ganha
report-research--synthesis-costs_and_risks = O que custa ou arrisca
report-research--synthesis-who_gains_who_loses = Quem ganha, quem perde
report-research--synthesis-supported_by_the_findings = Sustentada pelas conclusões
report-research--synthesis-what_we_still_do_not_know = O que ainda não sabemos
report-research--synthesis-brief_sent_to_the_decider_by = Nota enviada ao decisor por
report-retrospective-looking_back_on = Sobre:
report-retrospective-how_it_went_for_the_team = Como correu, para a equipa
report-retrospective-actions_from_the_last_retrospective = Ações da retrospetiva anterior
report-retrospective-what_went_well = O que correu bem
report-retrospective-what_did_not_go_well = O que não correu bem
report-retrospective-what_we_learnt = O que aprendemos
report-retrospective-actions_we_commit_to = Ações com que nos comprometemos
report-retrospective-action = Ação
report-retrospective-owner = Responsável
report-retrospective-by = Até
report-retrospective-done_when = Feita quando
report-retrospective-how_we_chose_the_vote = Como escolhemos: a votação
report-retrospective-proposed_action = Ação proposta
report-retrospective-next_time = Para a próxima
report-retrospective-worth_the_time = Valeu o tempo gasto
report-retrospective-next_retrospective = Próxima retrospetiva
report-scale--decision-decision = Decisão
report-scale--decision-decided_by = Decidido por
report-scale--decision-date_of_decision = Data da decisão
report-scale--decision-owner_of_the_next_step = Responsável pelo passo seguinte
report-scale--decision-review_on = Revisão em
report-scale--decision-what_we_tested = O que testámos
report-scale--decision-taking_part = Participaram
report-scale--decision-the_evidence = A evidência
report-scale--decision-pre_set_criterion_met = Critério fixado à partida cumprido?
report-scale--decision-unintended_effects = Efeitos não previstos
report-scale--decision-can_it_scale = Pode ser expandido?
report-scale--decision-question = Pergunta
report-scale--decision-assessment = Avaliação
report-scale--decision-note = Nota
report-scale--decision-cost_and_value_for_money = Custo e relação custo-benefício
report-scale--decision-capacity = Capacidade
report-scale--decision-legal_basis = Base legal
report-scale--decision-transferability = Transferibilidade
report-scale--decision-reasons = Razões
report-scale--decision-what_happens_next = O que acontece a seguir
report-scale--decision-scale_plan = Plano de expansão
report-scale--decision-next_experiment = Próxima experiência
report-scale--decision-closing_it = Encerramento
report-scaling--readiness-blocks = trava
report-scaling--readiness-needs_actions = pede ações
report-scaling--readiness-nearly_ready = quase pronto
report-scaling--readiness-ready = pronto
report-scaling--readiness-decision = Decisão
report-scaling--readiness-what_would_be_scaled = O que seria expandido
report-scaling--readiness-decided_by = Decidido por
report-scaling--readiness-owner_at_scale = Titular em escala
report-scaling--readiness-review_on = Revisão em
report-scaling--readiness-readiness_by_dimension = Prontidão por dimensão
report-scaling--readiness-dimension = Dimensão
report-scaling--readiness-rating = Avaliação
report-scaling--readiness-what_it_means = O que significa
report-scaling--readiness-status = Estado
report-scaling--readiness-a_dimension_at_1_or_2_blocks_scaling_unt = Uma dimensão em 1 ou 2 trava a expansão até ser resolvida; em 3 pede ações com responsável antes de alargar; em 4 falta pouco; em 5 está pronta.
report-scaling--readiness-the_pilot_and_its_evidence = O piloto e a sua evidência
report-scaling--readiness-will_it_travel = Vai funcionar noutros lados?
report-scaling--readiness-kind_of_difference = Tipo de diferença
report-scaling--readiness-in_the_pilot = No piloto
report-scaling--readiness-at_scale = Em escala
report-scaling--readiness-effect_on_the_result = Efeito no resultado
report-scaling--readiness-what_must_stay_the_same_what_can_adapt = O que tem de se manter, o que se pode adaptar
report-scaling--readiness-what_only_the_pilot_had_and_a_roll_out_w = O que só o piloto tinha — e a expansão não terá
report-scaling--readiness-capacity = Capacidade
report-scaling--readiness-resource = Recurso
report-scaling--readiness-needed_at_scale = Necessário em escala
report-scaling--readiness-available_today = Disponível hoje
report-scaling--readiness-gap_and_how_to_close_it = O que falta e como colmatar
report-scaling--readiness-legal_basis_mandate_and_data_protection = Base legal, mandato e proteção de dados
report-scaling--readiness-legal_basis_and_mandate = Base legal e mandato
report-scaling--readiness-personal_data = Dados pessoais
report-scaling--readiness-cost_and_ownership_at_scale = Custo e titularidade em escala
report-scaling--readiness-how_it_was_estimated_and_who_pays = Como se estimou e quem paga
report-scaling--readiness-risks_of_scaling = Riscos de expandir
report-scaling--readiness-risk = Risco
report-scaling--readiness-level = Nível
report-scaling--readiness-response = Resposta
report-scaling--readiness-owner = Responsável
report-scaling--readiness-reasons_for_the_decision = Razões da decisão
report-scaling--readiness-roll_out_route = Percurso da expansão
report-scaling--readiness-phase = Fase
report-scaling--readiness-sites_or_groups = Locais ou grupos
report-scaling--readiness-starts = Início
report-scaling--readiness-criterion_to_go_on = Critério para avançar
report-scaling--readiness-adapt_and_re_test = Adaptar e voltar a testar
report-scaling--readiness-closing_it = Encerramento
report-scenarios-the_question = A pergunta
report-scenarios-horizon = horizonte
report-scenarios-the_scenarios_are_neither_forecasts_nor = Os cenários não são previsões nem preferências: são futuros plausíveis para testar os nossos planos.
report-scenarios-the_four_futures = Os quatro futuros
report-scenarios-horizontal_axis = Eixo horizontal
report-scenarios-vertical_axis = Eixo vertical
report-scenarios-axis_2_axis_1 = Eixo 2 ↕ · eixo 1 ↔
report-scenarios-what_it_would_mean_for_us = O que significaria para nós
report-scenarios-signs_that_it_is_coming = Sinais de que está a chegar
report-scenarios-options = Opções
report-scenarios-option = Opção
report-scenarios-works_in = Funciona em
report-scenarios-first_step = Primeiro passo
report-scenarios-owner = Responsável
report-scenarios-next_review_of_the_signposts = Próxima revisão dos sinais
report-scenarios-the_driving_forces = As forças motrizes
report-scenarios-force = Força
report-scenarios-impact = Impacto
report-scenarios-uncertainty = Incerteza
report-service--blueprint-scenario = Cenário
report-service--blueprint-back_stage_confirmed_by_the_people_who_d = bastidores confirmados por quem faz o trabalho
report-service--blueprint-back_stage_not_yet_confirmed_by_the_peop = bastidores ainda por confirmar com quem faz o trabalho
report-service--blueprint-the_blueprint = O blueprint
report-service--blueprint-stage = Etapa
report-service--blueprint-evidence = Evidências
report-service--blueprint-person_s_actions = Ações da pessoa
report-service--blueprint-front_stage = Palco
report-service--blueprint-back_stage = Bastidores
report-service--blueprint-support_processes = Processos de suporte
report-service--blueprint-wait = Espera
report-service--blueprint-fail = Falha
report-service--blueprint-the_line_of_interaction_runs_between_the = A linha de interação separa as ações da pessoa do palco; a linha de visibilidade separa o palco dos bastidores; a linha de interação interna separa os bastidores dos processos de suporte.
report-service--blueprint-the_points_that_matter_most = Os pontos que mais importam
report-service--blueprint-wait_or_fail_point = Ponto de espera ou de falha
report-service--blueprint-who_owns_them = Quem é responsável
report-service--blueprint-point = Ponto
report-service--blueprint-owner = Responsável
report-service--blueprint-data_that_would_show_how_often = Dados que mostrariam a frequência
report-service--blueprint-opportunities = Oportunidades
report-service--blueprint-still_to_check = A verificar
report-sprint--map-long_term_goal = Objetivo a longo prazo
report-sprint--map-sprint_questions = Perguntas do sprint
report-sprint--map-the_map = O mapa
report-sprint--map-actors = Atores
report-sprint--map-step = Passo
report-sprint--map-actor = Ator
report-sprint--map-ending = Fim
report-sprint--map-experts_to_ask = Especialistas a ouvir
report-stakeholder--map-interest_influence_matrix = Matriz interesse × influência
report-stakeholder--map-stakeholders_by_how_we_engage_them = As partes interessadas, por forma de envolvimento
report-stakeholder--map-engagement = Envolvimento
report-stakeholder--map-stakeholder = Parte interessada
report-stakeholder--map-where_they_sit = Onde estão
report-stakeholder--map-interest = Interesse
report-stakeholder--map-influence = Influência
report-stakeholder--map-what_they_care_about = O que os preocupa
report-stakeholder--map-engagement_plan = Plano de envolvimento
report-stakeholder--map-missing_voices = Vozes em falta
report-storyboard-what_it_builds_on = De onde parte
report-storyboard-winning_sketches = Esboços vencedores
report-storyboard-questions_the_prototype_must_answer = Perguntas a que o protótipo tem de responder
report-storyboard-the_story = A história
report-storyboard-scene = Cena
report-storyboard-what_the_person_sees_or_reads = O que a pessoa vê ou lê
report-storyboard-what_the_person_does = O que a pessoa faz
report-storyboard-parking_lot = Parque de ideias
report-test--card-test_card = Cartão de teste
report-test--card-owner = Responsável
report-test--card-runs_for = Duração
report-test--card-results_due = Resultados até
report-test--card-critical = Criticidade
report-test--card-kind_of_test = Tipo de teste
report-test--card-test_cost = Custo do teste
report-test--card-data_reliability = Fiabilidade dos dados
report-test--card-baseline_today = Valor de referência hoje
report-test--card-time_to_results = Tempo até haver resultados
report-test--card-before_launch = Antes de arrancar
report-test--card-approved_by_the_decider = Aprovado pelo decisor
report-test--card-not_yet_approved_by_the_decider = Ainda não aprovado pelo decisor
report-test--card-by = até
report-test--card-cost_and_resources = Custo e recursos
report-test--card-full_trial_design_arms_randomisation_sam = Desenho completo do ensaio (braços, aleatorização, dimensão da amostra)
report-test--card-not_planned = não previsto
report-test--card-the_test_involves_citizens_or_personal_d = O teste envolve cidadãos ou dados pessoais: Verificação Ética e de Dados
report-test--card-not_planned_2 = não prevista
report-test--card-the_test_involves_no_citizens_and_no_per = O teste não envolve cidadãos nem dados pessoais.
report-test--card-main_risk_to_the_test = Risco principal para o teste
report-theory--of--change-the_problem = O problema
report-theory--of--change-for_whom = Para quem
report-theory--of--change-the_logic_model = O modelo lógico
report-theory--of--change-inputs = Recursos
report-theory--of--change-activities = Atividades
report-theory--of--change-outputs = Produtos
report-theory--of--change-outcomes = Resultados
report-theory--of--change-horizon = Horizonte
report-theory--of--change-outcome = Resultado
report-theory--of--change-whose_change = De quem é a mudança
report-theory--of--change-impact = Impacto
report-theory--of--change-assumptions_on_each_link = Pressupostos em cada elo
report-theory--of--change-link = Elo
report-theory--of--change-assumption = Pressuposto
report-theory--of--change-evidence = Evidência
report-theory--of--change-the_assumptions_to_test_first = Os pressupostos a testar primeiro
report-theory--of--change-those_that_would_hurt_most_if_wrong_as_t = Os que mais prejudicariam se estivessem errados, segundo a votação da equipa.
report-theory--of--change-indicators = Indicadores
report-theory--of--change-level = Nível
report-theory--of--change-indicator = Indicador
report-theory--of--change-how_it_is_measured = Como se mede
report-theory--of--change-today = Valor hoje
report-theory--of--change-when = Quando
report-theory--of--change-other_influences = Outras influências
report-theory--of--change-the_programme_contributes_to_these_outco = O programa contribui para estes resultados; também podem ser produzidos ou impedidos por:
report-theory--of--change-review = Revisão
report-trial--design-the_trial_plan_fixed_before_launch_what = Plano do ensaio, fixado antes de arrancar: o que se compara, em quem, o que se mede e o que se fará com cada resultado.
report-trial--design-plan_not_yet_registered = Plano ainda não registado.
report-trial--design-register_it_dated_before_the_first_unit = Registe-o, com data, antes da primeira afetação.
report-trial--design-trial_question = Pergunta do ensaio
report-trial--design-arms = Braços
report-trial--design-arm = Braço
report-trial--design-what_this_group_receives = O que este grupo recebe
report-trial--design-control = Controlo
report-trial--design-participants_and_outcomes = Participantes e resultados
report-trial--design-clusters = Clusters
report-trial--design-eligibility = Elegibilidade
report-trial--design-measurement = Medição
report-trial--design-sample_size = Dimensão da amostra
report-trial--design-parameter = Parâmetro
report-trial--design-value = Valor
report-trial--design-test = Teste
report-trial--design-one_sided_rise = unilateral (subida)
report-trial--design-one_sided_fall = unilateral (descida)
report-trial--design-two_sided = bilateral
report-trial--design-expected_drop_out = Desistência esperada
report-trial--design-coefficient_of_variation_of_cluster_size = Coeficiente de variação da dimensão dos clusters
report-trial--design-needed = Necessário
report-trial--design-planned = Planeado
report-trial--design-control_arm = Braço de controlo
report-trial--design-each_treatment_arm = Cada braço de tratamento
report-trial--design-clusters_in_the_control_arm = Clusters no braço de controlo
report-trial--design-clusters_in_each_treatment_arm = Clusters em cada braço de tratamento
report-trial--design-fewer_than_10_clusters_per_arm_the_power = Menos de 10 clusters por braço: a potência depende muito de o ICC estar certo. Peça a um estatístico que reveja o desenho.
report-trial--design-the_planned_sample_meets_the_calculated = A amostra planeada atinge o mínimo calculado.
report-trial--design-recruitment = Recrutamento
report-trial--design-cannot_recruit_enough_in_time = Não é possível recrutar o suficiente a tempo:
report-trial--design-the_minimum_needed_can_be_recruited_in_t = O mínimo necessário pode ser recrutado a tempo, mas não toda a amostra planeada.
report-trial--design-the_planned_sample_can_be_recruited_in_t = A amostra planeada pode ser recrutada nas semanas disponíveis.
report-trial--design-allocation = Afetação
report-trial--design-method = Método
report-trial--design-without_randomisation_the_trial_cannot_s = sem aleatorização, o ensaio não demonstra causa e efeito
report-trial--design-randomised_by = Aleatorização feita por
report-trial--design-timeline = Calendário
report-trial--design-milestone = Marco
report-trial--design-analysis_plan = Plano de análise
report-trial--design-decision_rule = Regra de decisão
report-trial--design-plan_registered = Registo do plano
report-trial--design-approval = Aprovação
report-trial--design-by = até
report-triz-stop_list = Lista do que vamos parar
report-triz-practice_to_stop = Prática a parar
report-triz-first_step = Primeiro passo
report-triz-owner = Responsável
report-triz-the_worst_possible_outcome = O pior resultado possível
report-triz-how_we_would_guarantee_it = Como o garantiríamos
report-triz-what_we_already_do = O que já fazemos
report-user--testing-what_we_tested = O que testámos
report-user--testing-questions_the_test_had_to_answer = Perguntas a que o teste tinha de responder:
report-user--testing-who_took_part = Quem participou
report-user--testing-code = Código
report-user--testing-profile = Perfil
report-user--testing-recruited_through = Recrutado através de
report-user--testing-adjustments = Adaptações
report-user--testing-session = Sessão
report-user--testing-compensation = Compensação
report-user--testing-consent_and_data_handling_prepared = Consentimento e tratamento dos dados preparados
report-user--testing-consent_and_data_handling_were_not_ready = Consentimento e tratamento dos dados não estavam preparados
report-user--testing-recordings_and_the_code_key_deleted_by = Gravações e chave de códigos apagadas até
report-user--testing-the_script = O guião
report-user--testing-welcome = Acolhimento
report-user--testing-task = Tarefa
report-user--testing-scenario_read_to_the_participant = Cenário lido ao participante
report-user--testing-success_looks_like = Conta como sucesso
report-user--testing-minutes = Minutos
report-user--testing-thinking_aloud = Pensar em voz alta
report-user--testing-wrap_up_questions = Perguntas de encerramento
report-user--testing-observation_grid = Grelha de observação
report-user--testing-task_or_part = Tarefa ou parte
report-user--testing-participant = Participante
report-user--testing-outcome = Resultado
report-user--testing-reaction = Reação
report-user--testing-what_we_saw = O que se viu
report-user--testing-quote = Citação
report-user--testing-pattern_wall_findings_by_severity = Parede de padrões: conclusões, por gravidade
report-user--testing-pattern_seen_with_three_or_more_particip = ◆ padrão: visto em três ou mais participantes.
report-user--testing-severity = Gravidade
report-user--testing-finding = Conclusão
report-user--testing-participants = Participantes
report-user--testing-what_changes = O que muda
report-user--testing-who = Quem
report-user--testing-what_we_decided = O que decidimos
report-user--testing-decision = Decisão
report-user--testing-next_round_of_testing_on = próxima ronda de testes em
report-what--so--what--now--what-what_what_happened = O quê? — o que aconteceu
report-what--so--what--now--what-so_what_what_it_means = E então? — o que significa
report-what--so--what--now--what-now_what_what_we_do = E agora? — o que fazemos
report-what--so--what--now--what-possible_actions = Ações possíveis:
report-what--so--what--now--what-commitments = Compromissos
report-what--so--what--now--what-action = Ação
report-what--so--what--now--what-who = Quem
report-what--so--what--now--what-by = Até

## validate --lang: o que falta a uma tradução
validate-untranslated_text = não traduzido para `{ $lang }`
validate-untranslated_english = em inglês: { $text }
validate-message_untranslated = mensagem do labkit não traduzida para `{ $lang }`
validate-message_broken = não é Fluent válido: { $error }
validate-message_unknown = não é uma mensagem que o labkit tenha (mudou de nome, ou tem um erro?)

## Modelos de relatório: os seus rótulos, um grupo por modelo
report-ethics--check-low = baixo
report-ethics--check-medium = médio
report-ethics--check-high = alto
report-ethics--check-some_mitigated = algum, mitigado
report-ethics--check-serious = grave
report-ethics--check-none_they_get_the_normal_service = nenhum — recebem o serviço normal
report-ethics--check-some_mitigated_2 = algum — mitigado
report-prototype--plan-rough = esboço
report-prototype--plan-believable = credível
report-prototype--plan-close_to_real = próximo do real
report-scenarios-label = «
report-scenarios-label_2 = »
report-test--card-useful_to_know = útil saber
report-test--card-important = importante
report-test--card-if_false_the_idea_falls = se for falsa, a ideia cai
report-test--card-low = baixo
report-test--card-medium = médio
report-test--card-high = alto
report-test--card-weak_what_people_say = fraca (o que as pessoas dizem)
report-test--card-medium_2 = média
report-test--card-strong_what_people_do = forte (o que as pessoas fazem)
report-test--card-days = dias
report-test--card-weeks = semanas
report-test--card-months = meses
report-user--testing-label = «
report-user--testing-label_2 = »
validate-message_variables = usa outras variáveis que o inglês: o inglês tem { $english }, este ficheiro { $theirs }

# O separador de milhares (um espaço é escrito como espaço inseparável).
number-group = { "\u00A0" }

## Os resumos estatísticos de `labkit calc` (src/stats/power.rs).
stats-summary-significance_level_two_sided = Nível de significância (bilateral)
stats-summary-significance_level_one_sided_treatment_g = Nível de significância (unilateral: tratamento maior)
stats-summary-significance_level_one_sided_treatment_l = Nível de significância (unilateral: tratamento menor)
stats-summary-power = Potência
stats-summary-allocation_ratio_treatment_control = Proporção de afetação (tratamento:controlo)
stats-summary-design_effect = Efeito de desenho
stats-summary-cluster_size = dimensão do cluster
stats-summary-icc = CCI
stats-summary-coefficient_of_variation_of_cluster_size = Coeficiente de variação da dimensão dos clusters
stats-summary-attrition_rate = Taxa de desistência
stats-summary-arms = Braços
stats-summary-each_treatment_arm_against_the_control_b = cada braço de tratamento contra o controlo, α de Bonferroni por comparação
stats-summary-with_fleiss_s_continuity_correction = Com a correção de continuidade de Fleiss
stats-summary-baseline_proportion_control = Proporção de referência (controlo)
stats-summary-target_proportion_treatment = Proporção alvo (tratamento)
stats-summary-difference = diferença
stats-summary-standard_deviation = Desvio-padrão
stats-summary-difference_in_means_to_detect = Diferença de médias a detetar
stats-summary-sample_size_per_arm_control = Dimensão da amostra por braço (controlo)
stats-summary-normal_approximation_pooled_variance_und = aproximação normal, variância combinada sob H0; como o power.prop.test do R para r = 1
stats-summary-exact_t_test_power_noncentral_t_as_r_s_p = potência exata do teste t (t não central); como o power.t.test do R para r = 1
stats-summary-formula = Fórmula
stats-summary-comparison_of_two_proportions = comparação de duas proporções
stats-summary-comparison_of_two_means = comparação de duas médias
stats-summary-sample_size = Dimensão da amostra
stats-summary-unrounded_n_control_arm_before_adjustmen = n sem arredondamento (braço de controlo, antes de ajustes)
stats-summary-per_arm = por braço
stats-summary-control = controlo
stats-summary-treatment = tratamento
stats-summary-result = Resultado
stats-summary-in_total = no total
stats-summary-clusters = Clusters
stats-summary-t_based_adjustment_for_few_clusters_the = ajuste pela distribuição t para poucos clusters; a aproximação normal dava
stats-summary-warning = Aviso
stats-summary-minimum_detectable_effect = Efeito mínimo detetável
stats-summary-percentage_points = pontos percentuais
stats-summary-target_proportion = proporção alvo
stats-summary-as_a_decrease = Como diminuição
stats-summary-standardised_effect_d = efeito padronizado d =
stats-summary-total_sample_both_arms = Amostra total (ambos os braços)
stats-summary-sample = Amostra
stats-summary-effective_sample_after_design_effect_and = Amostra efetiva (após efeito de desenho e desistências)
stats-summary-power_2 = potência
stats-summary-day = dia
stats-summary-days = dias
stats-summary-per_day = por dia
stats-summary-week = semana
stats-summary-weeks = semanas
stats-summary-per_week = por semana
stats-summary-recruitment_duration = Duração do recrutamento
stats-summary-total_sample = Amostra total
stats-summary-eligible_participants = Participantes elegíveis

## As teclas de uma pergunta de sim/não (uma letra cada), mostradas como (s/N); y, s e n também servem.
prompt-yes_key = s
prompt-no_key = n
# As formas que a resposta a uma data pode ter, mostradas ao lado da pergunta.
date-forms = AAAA-MM-DD, 15/12/2026 ou 15 dez 2026

## labkit new language
help-new-language-about = Uma nova língua para as palavras do próprio labkit: i18n/<etiqueta>.ftl, uma cópia das mensagens em inglês (ou em português) para traduzir
help-new-language-after_help =
    Exemplos:
      labkit new language es && labkit validate --lang es
      labkit new language pt-BR          # parte das mensagens em português
help-new-language-arg-tag = A etiqueta da língua: duas ou três letras, com uma região opcional (es, fr, es-MX, pt-BR)
help-new-language-arg-from = As mensagens de partida: en, ou pt (por omissão numa variante do português, como pt-BR)
new-language_bad_tag = `{ $tag }` não é uma etiqueta de língua; use duas ou três letras com uma região opcional, como `es`, `fr` ou `es-MX`
new-language_built_in = `{ $tag }` já vem com o labkit; uma nova língua precisa de outra etiqueta (uma variante como `pt-BR` ou `en-US` serve)
new-language_bad_from = `--from { $from }`: as mensagens de partida são `en` ou `pt`
new-language_next = traduza o texto a seguir a cada `=`; depois, `labkit validate --lang { $tag }` lista o que falta; use-a com `labkit --lang { $tag }`
new-language_no_workspace = não há aqui um labkit.yaml, por isso o labkit só encontra esta língua a partir desta pasta (ou execute `labkit init`; um ficheiro em ~/.config/labkit/i18n/ serve todas as áreas de trabalho)

# Passagens dos relatórios com variáveis (`{{t "chave" nome=valor}}`, docs/templates.md). O texto
# pode ter Markdown; os valores são escapados pelo auxiliar `t`.
report-money = { $amount } €
report-brainstorm-summary = O grupo gerou { $ideas ->
        [one] { $ideas } ideia
       *[other] { $ideas } ideias
    }, votou com pontos e escolheu { $shortlist ->
        [one] { $shortlist } ideia
       *[other] { $shortlist } ideias
    } para levar em frente.
report-lab--canvas-level = { $level ->
        [1] **em falta**
        [2] alguma
        [3] forte
       *[other] {""}
    }
report-behavioural--diagnosis-summary = { $barriers ->
        [one] { $barriers } barreira
       *[other] { $barriers } barreiras
    }, arrumadas por capacidade, oportunidade e motivação.
report-one--two--four--all-summary = { $ideas ->
        [one] { $ideas } ideia
       *[other] { $ideas } ideias
    }, por ordem dos pontos que o grupo lhes deu para levar em frente:
report-retrospective-summary = O grupo propôs { $actions ->
        [one] { $actions } ação
       *[other] { $actions } ações
    } e cada pessoa colocou { $dots ->
        [one] { $dots } ponto
       *[other] { $dots } pontos
    } nas que mais importam.
report-ask--the--experts-summary = { $notes ->
        [one] { $notes } nota «Como podemos»
       *[other] { $notes } notas «Como podemos»
    }, por número de pontos:
report-theory--of--change-review_date = O modelo é revisto com os primeiros dados em **{ $date }**; mantém-no atualizado: { $owner }.
report-affinity--clustering-notes_in_themes = { $notes ->
        [one] { $notes } nota agrupada
       *[other] { $notes } notas agrupadas
    } em { $themes ->
        [one] { $themes } tema
       *[other] { $themes } temas
    }, por ordem de importância para o grupo.
report-affinity--clustering-themes_ranked = { $themes ->
        [one] { $themes } tema
       *[other] { $themes } temas
    }, por ordem de importância para o grupo.
report-pre--mortem-it_has_failed = Estamos em { $horizon }. **{ $experiment }** falhou.
report-pre--mortem-reasons = O grupo escreveu { $reasons ->
        [one] { $reasons } razão
       *[other] { $reasons } razões
    } em silêncio e agrupou-as em { $clusters ->
        [one] { $clusters } grupo
       *[other] { $clusters } grupos
    }.
report-crazy--eights-summary = Cada pessoa trabalhou sozinha: notas, ideias e Crazy 8s (que ficaram com os autores), e por fim um esboço de solução. { $sketches ->
        [one] { $sketches } esboço de solução
       *[other] { $sketches } esboços de solução
    }, anónimos{ $judged ->
        [true] , avaliados em { $date }
       *[other] {""}
    }:
report-cost--value-period = Período: { $years } { $unit }. Unidade de resultado: { $outcome }.
report-cost--value-per_outcome = **{ $per_outcome }** por resultado adicional ({ $outcome }): { $total } para { $extra } resultados adicionais em { $years } { $unit }.
report-decision--sequence-straw_poll_summary = Na votação indicativa, cada pessoa deu um voto ao seu esboço preferido, entre { $options ->
        [one] { $options } esboço
       *[other] { $options } esboços
    } na parede; a decisão coube ao decisor.
report-trial--design-computed_with = Calculado com as mesmas contas que `labkit calc sample-size`{ $clusters ->
        [true] {" "}(com o efeito de desenho dos clusters e, com poucos clusters, o ajuste pela distribuição t)
       *[other] {""}
    }{ $attrition ->
        [true] , já com as desistências
       *[other] {""}
    }.
report-trial--design-planned_below_needed = Planeado < necessário:
report-problem--framing-hmw_summary = A equipa escreveu { $questions ->
        [one] { $questions } pergunta
       *[other] { $questions } perguntas
    } «Como podemos…» e votou com pontos.
report-storyboard-summary = Começa em: **{ $scene }** · { $panels ->
        [one] { $panels } painel
       *[other] { $panels } painéis
    } · cerca de { $minutes } { $unit } por pessoa.
report-personas-persona = Persona

## Frases com números dentro (uma mensagem cada, para a tradução as poder ordenar à vontade).
report-trial--design-planned_below_needed_detail = a amostra planeada ({ $planned } no controlo) fica abaixo do mínimo calculado ({ $needed }): o ensaio pode não detetar a mudança pretendida.
report-trial--design-cannot_recruit_detail =
    a este ritmo incluem-se { $recruitable } unidades nas semanas disponíveis, e são precisas { $needed } ({ $weeks ->
        [one] { $weeks } semana
       *[other] { $weeks } semanas
    }). Alargue o período, junte locais ou procure um efeito maior.
report-interview--guide-length_and_order = Cerca de { $length } { $unit } por entrevista. Pergunte pela ordem; use as sugestões de aprofundamento quando a resposta for curta.

## labkit agenda -o
help-agenda-arg-format = table, md ou ics (predefinição: pela extensão do ficheiro de saída, senão uma tabela)
help-agenda-arg-output = Escrever a agenda aqui (`.ics` para um ficheiro de calendário, `.md` para Markdown) em vez do stdout
help-agenda-arg-force = Substituir um ficheiro de saída existente
agenda-written = agenda escrita: { $path }
agenda-unknown_format = não é possível saber o formato da agenda a partir de `{ $path }`: dê-lhe a extensão .ics, .md ou .txt, ou indique --format table, md ou ics

## validate --lang: uma dica de teclas tem de manter as teclas que o labkit lê.
validate-message_keys = indica outras teclas que o inglês: o inglês tem { $english }, este ficheiro { $theirs }; as teclas são o que o labkit lê, por isso mantenha-as como estão
