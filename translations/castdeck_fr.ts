<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>CheckpointListModel</name>
    <message>
        <location filename="../ui/CheckpointListModel.cpp" line="+214"/>
        <source>Marker</source>
        <translation>Marqueur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(blank screen)</source>
        <translation>(écran vide)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Marker at %1</source>
        <translation>Marqueur à %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Marker “%1” at %2</source>
        <translation>Marqueur «&#xa0;%1&#xa0;» à %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>at %1, event %2, terminal %3×%4</source>
        <translation>à %1, événement %2, terminal %3×%4</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen</source>
        <translation>Écran</translation>
    </message>
</context>
<context>
    <name>CheckpointListWidget</name>
    <message>
        <location filename="../ui/CheckpointListWidget.cpp" line="+33"/>
        <source>Checkpoints and markers</source>
        <translation>Points de contrôle et marqueurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear checkpoints and markers of the recording in time order: time, kind and the first line of the screen after it. Click or press Enter to jump.</source>
        <translation>Points de contrôle d&apos;effacement et marqueurs de l&apos;enregistrement dans l&apos;ordre chronologique&#xa0;: temps, type et première ligne de l&apos;écran qui suit. Cliquez ou appuyez sur Entrée pour y aller.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No clear checkpoints or markers in this recording yet.</source>
        <translation>Cet enregistrement n&apos;a pas encore de points de contrôle ni de marqueurs.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checkpoint list</source>
        <translation>Liste des points de contrôle</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Marker</source>
        <translation>Marqueur</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/CommandLine.cpp" line="+36"/>
        <source>Describe a recording: format, duration, events, markers and clear checkpoints.</source>
        <translation>Décrit un enregistrement&#xa0;: format, durée, événements, marqueurs et points de contrôle d&apos;effacement d&apos;écran.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the screen at one moment.</source>
        <translation>Affiche l&apos;écran à un instant donné.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play a recording in this terminal.</source>
        <translation>Rejoue un enregistrement dans ce terminal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record a program in this terminal.</source>
        <translation>Enregistre un programme dans ce terminal.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Terminal recorder and player for asciicast (.cast) files.</source>
        <translation>Enregistreur et lecteur de terminal pour les fichiers asciicast (.cast).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands (run without a display):</source>
        <translation>Commandes (sans affichage)&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Without a command, CastDeck opens its window with the given recordings.</source>
        <translation>Sans commande, CastDeck ouvre sa fenêtre avec les enregistrements indiqués.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recordings to open.</source>
        <translation>Enregistrements à ouvrir.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a window of its own even when CastDeck is already running.</source>
        <translation>Ouvre une fenêtre distincte même si CastDeck est déjà en cours d&apos;exécution.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the dialog to open a recording.</source>
        <translation>Affiche la boîte de dialogue d&apos;ouverture d&apos;un enregistrement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record a scripted session into DIR, open it in the player at its last clear, save a screenshot there and quit.</source>
        <translation>Enregistre une session scriptée dans DIR, l&apos;ouvre dans le lecteur à son dernier effacement d&apos;écran, y enregistre une capture d&apos;écran et quitte.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Open a new terminal tab.</source>
        <translation>Ouvre un nouvel onglet de terminal.</translation>
    </message>
</context>
<context>
    <name>HeadlessDemo</name>
    <message>
        <location filename="../app/HeadlessDemo.cpp" line="+72"/>
        <source>Recording a scripted shell session into %1</source>
        <translation>Enregistrement d&apos;une session shell scriptée dans %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not start /bin/sh: %1</source>
        <translation>impossible de démarrer /bin/sh&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not record: %1</source>
        <translation>impossible d&apos;enregistrer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>recording failed: %1</source>
        <translation>échec de l&apos;enregistrement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recorded: %1</source>
        <translation>Enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the player could not open the recording: %1</source>
        <translation>le lecteur n&apos;a pas pu ouvrir l&apos;enregistrement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Clear checkpoints of %1 (sidecar %2):</source>
        <translation>Points de contrôle d&apos;effacement de %1 (fichier annexe %2)&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The player opened it at its last clear: %1 s of %2 s.</source>
        <translation>Le lecteur l&apos;a ouvert à son dernier effacement&#xa0;: %1 s sur %2 s.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>could not save a screenshot to %1</source>
        <translation>impossible d&apos;enregistrer une capture d&apos;écran dans %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screenshot of the window: %1</source>
        <translation>Capture d&apos;écran de la fenêtre&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../ui/HelpDialog.cpp" line="+30"/>
        <source>&lt;h2&gt;CastDeck %1&lt;/h2&gt;&lt;p&gt;A terminal that records, and a player for asciicast (.cast) recordings.&lt;/p&gt;&lt;p&gt;Built with:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt %2 (running on %3) — LGPL-3.0-only&lt;/li&gt;&lt;li&gt;KDE Frameworks KPty %4 — LGPL-2.0-or-later&lt;/li&gt;&lt;li&gt;libvterm %5 — MIT&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The asciicast format was designed by the asciinema project.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;CastDeck %1&lt;/h2&gt;&lt;p&gt;Un terminal qui enregistre, et un lecteur d&apos;enregistrements asciicast (.cast).&lt;/p&gt;&lt;p&gt;Construit avec&amp;nbsp;:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt %2 (exécuté avec %3) — LGPL-3.0-only&lt;/li&gt;&lt;li&gt;KDE Frameworks KPty %4 — LGPL-2.0-or-later&lt;/li&gt;&lt;li&gt;libvterm %5 — MIT&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Le format asciicast a été conçu par le projet asciinema.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In a terminal</source>
        <translation>Dans un terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selection</source>
        <translation>Copier la sélection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the clipboard</source>
        <translation>Coller le presse-papiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the primary selection (also: middle click)</source>
        <translation>Coller la sélection primaire (aussi&#xa0;: clic du milieu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scroll back / forward a page</source>
        <translation>Défiler d&apos;une page en arrière / en avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double / triple click</source>
        <translation>Double / triple clic</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a word / a line</source>
        <translation>Sélectionner un mot / une ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift+drag</source>
        <translation>Maj+glisser</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select even when the program uses the mouse</source>
        <translation>Sélectionner même quand le programme utilise la souris</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About CastDeck</source>
        <translation>À propos de CastDeck</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <location filename="../app/InfoCommand.cpp" line="+89"/>
        <source>Describe an asciicast recording: format, duration, events, markers and clear checkpoints with their exact byte offsets.</source>
        <translation>Décrit un enregistrement asciicast&#xa0;: format, durée, événements, marqueurs et points de contrôle d&apos;effacement d&apos;écran avec leurs positions exactes en octets.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print JSON (keys documented in README.md).</source>
        <translation>Affiche du JSON (clés décrites dans README.md).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail on the first malformed or truncated line.</source>
        <translation>Échoue à la première ligne mal formée ou tronquée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The .cast file.</source>
        <translation>Le fichier .cast.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>castdeck info: expected exactly one FILE (see castdeck info --help)</source>
        <translation>castdeck info&#xa0;: exactement un fichier (FILE) attendu (voir castdeck info --help)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>File:        %1</source>
        <translation>Fichier&#xa0;:            %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:      asciicast v%1</source>
        <translation>Format&#xa0;:             asciicast v%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:        %1 bytes</source>
        <translation>Taille&#xa0;:             %1 octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal:    %1x%2</source>
        <translation>Terminal&#xa0;:           %1x%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration:    %1 s</source>
        <translation>Durée&#xa0;:              %1 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events:      %1 (%2)</source>
        <translation>Événements&#xa0;:         %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markers:     %1</source>
        <translation>Marqueurs&#xa0;:          %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoints: %1</source>
        <translation>Points de contrôle&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>time</source>
        <translation>temps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event</source>
        <translation>n° évt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lineOffset</source>
        <translation>lineOffset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequenceEnd</source>
        <translation>sequenceEnd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequence</source>
        <translation>séquence</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Last clear:  %1</source>
        <translation>Dernier effacement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>byte %1</source>
        <translation>octet %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warnings:</source>
        <translation>Avertissements&#xa0;:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+53"/>
        <source>CastDeck</source>
        <translation>CastDeck</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h1&gt;CastDeck&lt;/h1&gt;&lt;p&gt;Record terminal sessions and play asciicast recordings.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Open a recording:&lt;/b&gt; drop a &lt;tt&gt;.cast&lt;/tt&gt; file here, or run &lt;tt&gt;castdeck FILE.cast&lt;/tt&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Start a shell:&lt;/b&gt; File &amp;rarr; New Terminal (Ctrl+Shift+T).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inspect a recording without a window:&lt;/b&gt; &lt;tt&gt;castdeck info FILE.cast&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;h1&gt;CastDeck&lt;/h1&gt;&lt;p&gt;Enregistrez des sessions de terminal et lisez des enregistrements asciicast.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ouvrir un enregistrement&amp;nbsp;:&lt;/b&gt; déposez un fichier &lt;tt&gt;.cast&lt;/tt&gt; ici, ou lancez &lt;tt&gt;castdeck FICHIER.cast&lt;/tt&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Démarrer un shell&amp;nbsp;:&lt;/b&gt; Fichier &amp;rarr; Nouveau terminal (Ctrl+Maj+T).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Examiner un enregistrement sans fenêtre&amp;nbsp;:&lt;/b&gt; &lt;tt&gt;castdeck info FICHIER.cast&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>New &amp;Terminal</source>
        <translation>Nouveau &amp;terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a shell in a new tab</source>
        <translation>Démarrer un shell dans un nouvel onglet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close Tab</source>
        <translation>&amp;Fermer l&apos;onglet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open Recording…</source>
        <translation>&amp;Ouvrir un enregistrement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a .cast recording in a player tab</source>
        <translation>Ouvrir un enregistrement .cast dans un onglet de lecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record this terminal into a .cast file</source>
        <translation>Enregistrer ce terminal dans un fichier .cast</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add &amp;Marker…</source>
        <translation>Ajouter un &amp;marqueur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a labelled marker into the recording</source>
        <translation>Écrire un marqueur avec libellé dans l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;Checkpoint</source>
        <translation>Marquer un &amp;point de contrôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this moment a resume point of the recording</source>
        <translation>Faire de cet instant un point de reprise de l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record Keyboard &amp;Input</source>
        <translation>Enregistrer les &amp;saisies clavier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also record what is typed (passwords included). Off by default.</source>
        <translation>Enregistrer aussi ce qui est tapé (mots de passe compris). Désactivé par défaut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record &amp;New Terminals Automatically</source>
        <translation>Enregistrer automatiquement les &amp;nouveaux terminaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record every new terminal into %1</source>
        <translation>Enregistrer chaque nouveau terminal dans %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use asciicast &amp;v3</source>
        <translation>Utiliser asciicast &amp;v3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write new recordings as asciicast v3 instead of v2</source>
        <translation>Écrire les nouveaux enregistrements en asciicast v3 au lieu de v2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Réinitialiser le zoom</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Recording</source>
        <translation>&amp;Enregistrement</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Playback</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Colour Scheme</source>
        <translation>&amp;Jeu de couleurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About CastDeck</source>
        <translation>À &amp;propos de CastDeck</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>&amp;Clear List</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open Recording</source>
        <translation>Ouvrir un enregistrement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>asciicast recordings (*.cast);;All files (*)</source>
        <translation>Enregistrements asciicast (*.cast);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Jump To</source>
        <translation>&amp;Aller à</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Close Terminal?</source>
        <translation>Fermer le terminal&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is still running. Close it anyway?</source>
        <translation>«&#xa0;%1&#xa0;» est toujours en cours d&apos;exécution. Le fermer quand même&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n program(s) are still running: %1. Close them anyway?</source>
        <translation>
            <numerusform>%n programme est toujours en cours d&apos;exécution&#xa0;: %1. Le fermer quand même&#xa0;?</numerusform>
            <numerusform>%n programmes sont toujours en cours d&apos;exécution&#xa0;: %1. Les fermer quand même&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Recording Failed</source>
        <translation>Échec de l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not record into %1: %2</source>
        <translation>Impossible d&apos;enregistrer dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add Marker</source>
        <translation>Ajouter un marqueur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label:</source>
        <translation>Libellé&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PlayCommand</name>
    <message>
        <location filename="../app/PlayCommand.cpp" line="+55"/>
        <source>Play a recording in this terminal. Keys: q or Ctrl+C stop, space pauses.</source>
        <translation>Rejoue un enregistrement dans ce terminal. Touches&#xa0;: q ou Ctrl+C arrête, Espace met en pause.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start at the last clear checkpoint (its screen is drawn first).</source>
        <translation>Commence au dernier point de contrôle d&apos;effacement (son écran est dessiné d&apos;abord).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playback speed, 0.25 to 16 (default 1).</source>
        <translation>Vitesse de lecture, de 0.25 à 16 (par défaut&#xa0;: 1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shorten pauses longer than S seconds (default: the recording&apos;s idle_time_limit; 0: keep every pause).</source>
        <translation>Raccourcit les pauses de plus de S secondes (par défaut&#xa0;: l&apos;idle_time_limit de l&apos;enregistrement&#xa0;; 0&#xa0;: garder toutes les pauses).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The .cast file.</source>
        <translation>Le fichier .cast.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>castdeck play: expected exactly one FILE (see castdeck play --help)</source>
        <translation>castdeck play&#xa0;: exactement un fichier (FILE) attendu (voir castdeck play --help)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>castdeck play: --speed expects a number from 0.25 to 16, not &quot;%1&quot;</source>
        <translation>castdeck play&#xa0;: --speed attend un nombre de 0.25 à 16, pas «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>castdeck play: --idle-time-limit expects seconds (0 or more), not &quot;%1&quot;</source>
        <translation>castdeck play&#xa0;: --idle-time-limit attend des secondes (0 ou plus), pas «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>castdeck play: warning: %1</source>
        <translation>castdeck play&#xa0;: avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>castdeck play: %1 has no clear checkpoint; playing from the start</source>
        <translation>castdeck play&#xa0;: %1 n&apos;a aucun point de contrôle d&apos;effacement&#xa0;; lecture depuis le début</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>castdeck play: cannot write to the output: %1</source>
        <translation>castdeck play&#xa0;: impossible d&apos;écrire sur la sortie&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PlayerSearchBar</name>
    <message>
        <location filename="../ui/PlayerSearchBar.cpp" line="+90"/>
        <source>Search the recording&apos;s text</source>
        <translation>Rechercher dans le texte de l’enregistrement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Regular expression</source>
        <translation>Expression régulière</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Previous hit (Shift+Enter, Shift+F3)</source>
        <translation>Résultat précédent (Maj+Entrée, Maj+F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next hit (Enter, F3)</source>
        <translation>Résultat suivant (Entrée, F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the search bar (Esc)</source>
        <translation>Fermer la barre de recherche (Échap)</translation>
    </message>
    <message>
        <location line="+281"/>
        <source>Invalid expression</source>
        <translation>Expression non valide</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search failed</source>
        <translation>La recherche a échoué</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Searching</source>
        <translation>Recherche en cours</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No hits</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Searched %1 % of the recording</source>
        <translation>%1 % de l’enregistrement parcouru</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The search stops after %1 hits</source>
        <translation>La recherche s’arrête après %1 résultats</translation>
    </message>
</context>
<context>
    <name>PlayerTab</name>
    <message>
        <location filename="../ui/PlayerTab.cpp" line="+98"/>
        <source>Indexing %p%</source>
        <translation>Indexation %p&#xa0;%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop indexing; the part indexed so far stays playable</source>
        <translation>Arrêter l&apos;indexation&#xa0;; la partie déjà indexée reste lisible</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Playback speed (+ / -)</source>
        <translation>Vitesse de lecture (+ / -)</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+249"/>
        <source>&amp;Play</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <location line="-247"/>
        <source>Go to &amp;Start</source>
        <translation>Aller au &amp;début</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to &amp;Last Clear</source>
        <translation>Aller au dernier &amp;effacement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous Marker or Checkpoint</source>
        <translation>Marqueur ou point de contrôle précédent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next Marker or Checkpoint</source>
        <translation>Marqueur ou point de contrôle suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step &amp;Back</source>
        <translation>Pas en &amp;arrière</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step &amp;Forward</source>
        <translation>Pas en a&amp;vant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back 5 Seconds</source>
        <translation>Reculer de 5 secondes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward 5 Seconds</source>
        <translation>Avancer de 5 secondes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back 10 %</source>
        <translation>Reculer de 10&#xa0;%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward 10 %</source>
        <translation>Avancer de 10&#xa0;%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faster</source>
        <translation>Plus rapide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slower</source>
        <translation>Plus lent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jump to %1 %</source>
        <translation>Aller à %1&#xa0;%</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>F&amp;ull Screen</source>
        <translation>Plein é&amp;cran</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Loop</source>
        <translation>&amp;Boucle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause at &amp;Markers</source>
        <translation>Pause aux &amp;marqueurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Idle Time Limit</source>
        <translation>&amp;Limiter les pauses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Keystrokes</source>
        <translation>Afficher les &amp;saisies clavier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show recorded keyboard input over the terminal</source>
        <translation>Afficher les saisies clavier enregistrées par-dessus le terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;cale to Fit</source>
        <translation>&amp;Ajuster à la vue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show a recording larger than the view smaller, so that all of it is visible</source>
        <translation>Réduire un enregistrement plus grand que la vue pour qu’il soit visible en entier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoint &amp;List</source>
        <translation>L&amp;iste des points de contrôle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find in &amp;Recording…</source>
        <translation>Rechercher dans l’&amp;enregistrement…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find &amp;Next</source>
        <translation>Rechercher le &amp;suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find Pre&amp;vious</source>
        <translation>Rechercher le &amp;précédent</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Shorten pauses between events to at most this long</source>
        <translation>Raccourcir les pauses entre les événements à cette durée au plus</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Off</source>
        <translation>&amp;Désactivé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Custom…</source>
        <translation>&amp;Personnalisé…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From the &amp;Recording (%1 s)</source>
        <translation>Selon l’&amp;enregistrement (%1 s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the &amp;Recording (none)</source>
        <translation>Selon l’&amp;enregistrement (aucune)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Idle Time Limit</source>
        <translation>Limiter les pauses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shorten pauses longer than this many seconds:</source>
        <translation>Raccourcir les pauses de plus de tant de secondes :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Custom (%1 s)…</source>
        <translation>&amp;Personnalisé (%1 s)…</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n problem(s) in this recording; the valid part plays. First: %1</source>
        <translation>
            <numerusform>%n problème dans cet enregistrement&#xa0;; la partie valide est lue&#xa0;: %1</numerusform>
            <numerusform>%n problèmes dans cet enregistrement&#xa0;; la partie valide est lue. Le premier&#xa0;: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <location filename="Translations.cpp" line="+21"/>
        <source>Displays help on commandline options.</source>
        <translation>Affiche l&apos;aide sur les options de la ligne de commande.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Displays help, including generic Qt options.</source>
        <translation>Affiche l&apos;aide, y compris les options génériques de Qt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Displays version information.</source>
        <translation>Affiche les informations de version.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage: %1</source>
        <translation>Utilisation&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[options]</source>
        <translation>[options]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options:</source>
        <translation>Options&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arguments:</source>
        <translation>Arguments&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Option inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown options: %1.</source>
        <translation>Options inconnues&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>Valeur manquante après «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>Valeur inattendue après «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Ne pas enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;Non</translation>
    </message>
</context>
<context>
    <name>RecCommand</name>
    <message>
        <location filename="../app/RecCommand.cpp" line="+80"/>
        <source>Record a program (your login shell by default) in this terminal into an asciicast file, like `asciinema rec`. Clear checkpoints are found while recording and kept in FILE.idx.</source>
        <translation>Enregistre un programme (par défaut votre shell de connexion) dans ce terminal vers un fichier asciicast, comme `asciinema rec`. Les points de contrôle d&apos;effacement d&apos;écran sont repérés pendant l&apos;enregistrement et conservés dans FILE.idx.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write asciicast v3 (default: v2).</source>
        <translation>Écrit en asciicast v3 (par défaut&#xa0;: v2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The command to record, run with /bin/sh -c (default: your login shell).</source>
        <translation>La commande à enregistrer, lancée avec /bin/sh -c (par défaut&#xa0;: votre shell de connexion).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recording&apos;s title.</source>
        <translation>Le titre de l&apos;enregistrement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Players shorten pauses longer than S seconds to S (stored in the header).</source>
        <translation>Les lecteurs raccourcissent à S les pauses de plus de S secondes (valeur stockée dans l&apos;en-tête).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record what you type too (&apos;i&apos; events). Off by default: it includes passwords.</source>
        <translation>Enregistre aussi ce que vous tapez (événements &apos;i&apos;). Désactivé par défaut&#xa0;: cela inclut les mots de passe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue FILE: same format, times go on from its end.</source>
        <translation>Poursuit FILE&#xa0;: même format, les temps reprennent à partir de sa fin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace FILE if it exists.</source>
        <translation>Remplace FILE s&apos;il existe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print every clear checkpoint to stderr as it is found.</source>
        <translation>Affiche sur stderr chaque point de contrôle d&apos;effacement dès qu&apos;il est trouvé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No notices at the start and the end.</source>
        <translation>Aucun message au début ni à la fin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where to save the recording (default: castdeck-DATE-TIME.cast here).</source>
        <translation>Où enregistrer (par défaut&#xa0;: castdeck-DATE-HEURE.cast dans le répertoire courant).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected at most one FILE (see castdeck rec --help)</source>
        <translation>au plus un fichier (FILE) attendu (voir castdeck rec --help)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--append and --overwrite contradict each other</source>
        <translation>--append et --overwrite sont contradictoires</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--idle-time-limit: expected a number of seconds &gt; 0, found &quot;%1&quot;</source>
        <translation>--idle-time-limit&#xa0;: nombre de secondes &gt; 0 attendu, «&#xa0;%1&#xa0;» trouvé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 exists already; --append continues it, --overwrite replaces it</source>
        <translation>%1 existe déjà&#xa0;; --append le poursuit, --overwrite le remplace</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>cannot start %1: %2</source>
        <translation>impossible de démarrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot set up signal handling: %1</source>
        <translation>impossible de mettre en place la gestion des signaux&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1; the program goes on without being recorded</source>
        <translation>%1&#xa0;; le programme continue sans être enregistré</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>checkpoint %1 at %2 s: lineOffset %3, sequenceEnd %4, event %5, %6x%7</source>
        <translation>point de contrôle %1 à %2 s&#xa0;: lineOffset %3, sequenceEnd %4, événement %5, %6x%7</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>recording finished: %1</source>
        <translation>enregistrement terminé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>appending to %1 (%2x%3); the recording ends when %4 exits</source>
        <translation>ajout à %1 (%2x%3)&#xa0;; l&apos;enregistrement s&apos;arrête quand %4 se termine</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>recording to %1 (%2x%3, asciicast v%4); the recording ends when %5 exits</source>
        <translation>enregistrement dans %1 (%2x%3, asciicast v%4)&#xa0;; l&apos;enregistrement s&apos;arrête quand %5 se termine</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>the command</source>
        <translation>la commande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the shell</source>
        <translation>le shell</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot switch the terminal to raw mode: %1</source>
        <translation>impossible de passer le terminal en mode brut&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Recording</name>
    <message>
        <location filename="../core/play/Recording.cpp" line="+163"/>
        <source>The index could not be saved, so it will be built again next time: %1</source>
        <translation>L&apos;index n&apos;a pas pu être enregistré&#xa0;; il sera reconstruit la prochaine fois&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Indexing was cancelled: the timeline shows only the part indexed so far (%1 s)</source>
        <translation>L&apos;indexation a été annulée&#xa0;: la frise chronologique ne montre que la partie déjà indexée (%1 s)</translation>
    </message>
</context>
<context>
    <name>RecordingSearch</name>
    <message>
        <location filename="../core/play/RecordingSearch.cpp" line="+576"/>
        <source>Invalid regular expression at character %1: %2</source>
        <translation>Expression régulière non valide au caractère %1 : %2</translation>
    </message>
</context>
<context>
    <name>RenderCommand</name>
    <message>
        <location filename="../app/RenderCommand.cpp" line="+76"/>
        <source>Print the screen of a recording at one moment: after every event up to TIME, at the end, at the last clear or at a clear checkpoint.</source>
        <translation>Affiche l&apos;écran d&apos;un enregistrement à un instant donné&#xa0;: après chaque événement jusqu&apos;à TIME, à la fin, au dernier effacement ou à un point de contrôle d&apos;effacement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The moment: seconds (12.5), end, last-clear or checkpoint:N (0-based, as `castdeck info` lists them).</source>
        <translation>L&apos;instant&#xa0;: secondes (12.5), end, last-clear ou checkpoint:N (compté à partir de 0, comme `castdeck info` les liste).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the screen&apos;s rows, trailing blanks trimmed (the default).</source>
        <translation>Affiche les lignes de l&apos;écran, sans les blancs de fin (par défaut).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a picture of the screen to OUT.png.</source>
        <translation>Enregistre une image de l&apos;écran dans OUT.png.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The .cast file.</source>
        <translation>Le fichier .cast.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>castdeck render: expected exactly one FILE (see castdeck render --help)</source>
        <translation>castdeck render&#xa0;: exactement un fichier (FILE) attendu (voir castdeck render --help)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>castdeck render: --at is required: seconds (12.5), end, last-clear or checkpoint:N</source>
        <translation>castdeck render&#xa0;: --at est obligatoire&#xa0;: secondes (12.5), end, last-clear ou checkpoint:N</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>castdeck render: --at expects seconds (12.5), end, last-clear or checkpoint:N, not &quot;%1&quot;</source>
        <translation>castdeck render&#xa0;: --at attend des secondes (12.5), end, last-clear ou checkpoint:N, pas «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>castdeck render: --png cannot paint in this process</source>
        <translation>castdeck render&#xa0;: --png ne peut pas dessiner dans ce processus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>castdeck render: warning: %1</source>
        <translation>castdeck render&#xa0;: avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>castdeck render: %1 has no clear checkpoint</source>
        <translation>castdeck render&#xa0;: %1 n&apos;a aucun point de contrôle d&apos;effacement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>castdeck render: %1 has %2 clear checkpoints (0 to %3), not %4</source>
        <translation>castdeck render&#xa0;: %1 a %2 points de contrôle (0 à %3), pas %4</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>castdeck render: cannot write %1</source>
        <translation>castdeck render&#xa0;: impossible d&apos;écrire %1</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../core/net/SingleInstance.cpp" line="+86"/>
        <source>not a CastDeck request (the first bytes are %1, expected %2)</source>
        <translation>pas une requête CastDeck (premiers octets %1, attendu %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unsupported protocol version %1 (this CastDeck speaks version %2)</source>
        <translation>version de protocole %1 non prise en charge (ce CastDeck parle la version %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>message of %1 bytes is larger than the limit of %2 bytes</source>
        <translation>message de %1 octets, au-delà de la limite de %2 octets</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 unexpected bytes after the message</source>
        <translation>%1 octets inattendus après le message</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+15"/>
        <source>truncated or malformed request</source>
        <translation>requête tronquée ou mal formée</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>unknown request flags 0x%1</source>
        <translation>indicateurs de requête inconnus 0x%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the working directory &quot;%1&quot; is not an absolute path</source>
        <translation>le répertoire de travail «&#xa0;%1&#xa0;» n&apos;est pas un chemin absolu</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a request may name at most %1 files, this one claims %2</source>
        <translation>une requête peut nommer au plus %1 fichiers, celle-ci en annonce %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>truncated request (file %1 of %2)</source>
        <translation>requête tronquée (fichier %1 sur %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>file %1 is not a usable absolute path: &quot;%2&quot;</source>
        <translation>le fichier %1 n&apos;est pas un chemin absolu utilisable&#xa0;: «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>truncated request or oversized activation token</source>
        <translation>requête tronquée ou jeton d&apos;activation trop long</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected bytes after the request</source>
        <translation>octets inattendus après la requête</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>The request (%1 files) is larger than the limit of %2 bytes.</source>
        <translation>La requête (%1 fichiers) dépasse la limite de %2 octets.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>No CastDeck is running at %1 (%2).</source>
        <translation>Aucun CastDeck ne tourne sur %1 (%2).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not send the request to the running CastDeck at %1 (%2).</source>
        <translation>Impossible d&apos;envoyer la requête au CastDeck qui tourne sur %1 (%2).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The program at %1 answered with something else than CastDeck&apos;s protocol: %2.</source>
        <translation>Le programme sur %1 n&apos;a pas répondu avec le protocole de CastDeck&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The running CastDeck at %1 closed the connection without answering.</source>
        <translation>Le CastDeck qui tourne sur %1 a fermé la connexion sans répondre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The running CastDeck at %1 did not answer within %2 ms.</source>
        <translation>Le CastDeck qui tourne sur %1 n&apos;a pas répondu en %2 ms.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The running CastDeck rejected the request: %1</source>
        <translation>Le CastDeck en cours d&apos;exécution a refusé la requête&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Another CastDeck is already running at %1.</source>
        <translation>Un autre CastDeck tourne déjà sur %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot listen at %1: %2</source>
        <translation>Impossible d&apos;écouter sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>no complete request within %1 ms</source>
        <translation>aucune requête complète en %1 ms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the connection closed after %1 bytes of an incomplete request</source>
        <translation>la connexion s&apos;est fermée après %1 octets d&apos;une requête incomplète</translation>
    </message>
</context>
<context>
    <name>TerminalSession</name>
    <message>
        <location filename="../core/session/TerminalSession.cpp" line="+107"/>
        <source>This terminal is already being recorded.</source>
        <translation>Ce terminal est déjà en cours d&apos;enregistrement.</translation>
    </message>
</context>
<context>
    <name>TerminalTab</name>
    <message>
        <location filename="../ui/TerminalTab.cpp" line="+47"/>
        <source>REC</source>
        <translation>REC</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyboard input is recorded</source>
        <translation>Les saisies clavier sont enregistrées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything typed in this terminal, passwords included, goes into the recording.</source>
        <translation>Tout ce qui est tapé dans ce terminal, mots de passe compris, est enregistré.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The program was ended by signal %1.</source>
        <translation>Le programme a été arrêté par le signal %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The program exited with status %1.</source>
        <translation>Le programme s&apos;est terminé avec le code %1.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recording stopped: %1 The terminal goes on; %2 is valid up to the failure.</source>
        <translation>Enregistrement arrêté&#xa0;: %1 Le terminal continue&#xa0;; %2 est valide jusqu&apos;à l&apos;erreur.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not start the program: %1</source>
        <translation>Impossible de démarrer le programme&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+76"/>
        <source>%1 · %2 · %n checkpoint(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n point de contrôle</numerusform>
            <numerusform>%1 · %2 · %n points de contrôle</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>last at %1</source>
        <translation>dernier à %1</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../ui/TimelineWidget.cpp" line="+189"/>
        <source>Timeline</source>
        <translation>Frise chronologique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recording&apos;s timeline with its clear checkpoints, markers, resizes and output density. Click or drag to seek, click a checkpoint or a marker to jump to it, Ctrl+wheel to zoom.</source>
        <translation>La frise chronologique de l&apos;enregistrement avec ses points de contrôle d&apos;effacement, marqueurs, redimensionnements et densité de sortie. Cliquez ou faites glisser pour vous déplacer, cliquez sur un point de contrôle ou un marqueur pour y aller, Ctrl+molette pour zoomer.</translation>
    </message>
    <message>
        <location line="+301"/>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2) à %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <source>+%1 more at this spot (Ctrl+wheel zooms in)</source>
        <translation>+%1 autres à cet endroit (Ctrl+molette pour zoomer)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Marker at %1</source>
        <translation>Marqueur à %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marker “%1” at %2</source>
        <translation>Marqueur «&#xa0;%1&#xa0;» à %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resized to %1×%2 at %3</source>
        <translation>Redimensionné en %1×%2 à %3</translation>
    </message>
    <message>
        <location line="+243"/>
        <source>Clear scrollback</source>
        <translation>Effacement de l&apos;historique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal reset</source>
        <translation>Réinitialisation du terminal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear screen</source>
        <translation>Effacement de l&apos;écran</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Home, clear</source>
        <translation>Retour en haut à gauche, effacement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Home, clear screen</source>
        <translation>Retour en haut à gauche, effacement de l&apos;écran</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt screen on</source>
        <translation>Écran alternatif activé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt screen off</source>
        <translation>Écran alternatif désactivé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt screen on (?47)</source>
        <translation>Écran alternatif activé (?47)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt screen off (?47)</source>
        <translation>Écran alternatif désactivé (?47)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manual checkpoint</source>
        <translation>Point de contrôle manuel</translation>
    </message>
</context>
</TS>
