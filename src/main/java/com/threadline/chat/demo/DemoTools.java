package com.threadline.chat.demo;

/**
 * The seed's function declaration for the demo assistant, exactly as existing clients
 * send it.
 */
final class DemoTools {

	/** The server-side tool the demo assistant has enabled. */
	static final String ASK_DATABASE_NAME = "ask_database";

	static final String ASK_DATABASE = """
			[{"type": "function", "function": {
			  "name": "ask_database",
			  "description": "Use this function to answer user questions about course schedule. Output should be a fully formed SQL query.",
			  "parameters": {
			    "type": "object",
			    "properties": {
			      "query": {
			        "type": "string",
			        "description": "SQL query extracting info to answer the user's question.\\nSQL should be written using this database schema:\\n\\nCREATE TABLE Courses (\\n\\tid INT AUTO_INCREMENT PRIMARY KEY,\\n\\tcourse_date DATE NOT NULL,\\n\\tstart_time TIME NOT NULL,\\n\\tend_time TIME NOT NULL,\\n\\tcourse_name VARCHAR(255) NOT NULL,\\n\\tinstructor VARCHAR(255) NOT NULL\\n);\\n\\nThe query should be returned in plain text, not in JSON.\\nThe query should only contain grammars supported by SQLite."
			      }
			    },
			    "required": ["query"]
			  }
			}}]""";

	private DemoTools() {
	}

}
