// A dump of the original system's database, as mysqldump 8 writes it: the fixture of the import-legacy tests.
import bcrypt from 'bcryptjs';
import { admin } from './app.js';

const hash = (password: string) => bcrypt.hashSync(password, 4);
const at = "'2024-06-09 10:00:00.000'";

/** A dump as mysqldump 8 writes it, of the original's `role` and `users` tables. */
export function dump(bulk: number): string {
  const shared = hash('bulk-password');
  const many = Array.from(
    { length: bulk },
    (_, k) => `(${100 + k},${at},${at},NULL,'bulk-uid-${k}','bulk${k}','${shared}',1,2)`,
  ).join(',');
  return `-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: cloud
-- ------------------------------------------------------
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;

--
-- Table structure for table \`role\`
--

DROP TABLE IF EXISTS \`role\`;
CREATE TABLE \`role\` (
  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,
  \`created_at\` datetime(3) DEFAULT NULL,
  \`updated_at\` datetime(3) DEFAULT NULL,
  \`deleted_at\` datetime(3) DEFAULT NULL,
  \`name\` varchar(64) DEFAULT NULL COMMENT 'role name',
  \`desc\` varchar(255) DEFAULT NULL COMMENT 'role description',
  \`permission_id\` int DEFAULT NULL COMMENT 'Permission id Foreign key',
  PRIMARY KEY (\`id\`),
  KEY \`idx_role_deleted_at\` (\`deleted_at\`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

LOCK TABLES \`role\` WRITE;
/*!40000 ALTER TABLE \`role\` DISABLE KEYS */;
INSERT INTO \`role\` VALUES (1,${at},${at},NULL,'admin','Administrator',1),(2,${at},${at},NULL,'user','Ordinary user',2),(3,${at},${at},NULL,'Auditor','Reads the \\'audit\\' log',3),(4,${at},${at},${at},'Old','gone',4);
/*!40000 ALTER TABLE \`role\` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS \`users\`;
CREATE TABLE \`users\` (
  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,
  \`created_at\` datetime(3) DEFAULT NULL,
  \`updated_at\` datetime(3) DEFAULT NULL,
  \`deleted_at\` datetime(3) DEFAULT NULL,
  \`uid\` varchar(64) DEFAULT NULL COMMENT 'user uid',
  \`username\` varchar(64) DEFAULT NULL COMMENT 'user name',
  \`password\` varchar(255) DEFAULT NULL COMMENT 'user password',
  \`status\` tinyint DEFAULT NULL COMMENT 'user status(enable/disable)',
  \`role_id\` bigint unsigned DEFAULT NULL COMMENT 'role foreign id',
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB AUTO_INCREMENT=3000 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

LOCK TABLES \`users\` WRITE;
INSERT INTO \`users\` VALUES (1,'2023-01-02 03:04:05.678',${at},NULL,'9b2f4a5e-legacy','tester3','${hash('admin123')}',1,1),(2,${at},${at},NULL,'uid-2','o\\'brien','${hash('obrien-password')}',1,3),(3,${at},${at},NULL,'uid-3','sleepy','${hash('sleepy-password')}',2,2),(4,${at},${at},${at},'uid-4','gone','${hash('gone-password')}',1,2),(5,${at},${at},NULL,'uid-5','plain','admin123',1,2),(6,${at},${at},NULL,'uid-6','${admin.username}','${hash('x')}',1,1),(7,${at},${at},NULL,NULL,'Zoë','${hash('zoe-password')}',1,9),(8,${at},${at},NULL,'uid-2','twin','${hash('twin-password')}',1,2);
INSERT INTO \`users\` VALUES ${many};
UNLOCK TABLES;
`;
}
